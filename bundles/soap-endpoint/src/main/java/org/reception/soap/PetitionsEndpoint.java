package org.reception.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.reception.cases.PlatformTime;
import org.reception.cases.CaseAction;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Deadline;
import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Registration;
import org.reception.cases.Satisfaction;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.UnknownPetition;
import org.reception.cases.VersionCondition;
import org.reception.cases.access.Caller;
import org.reception.soap.v1.CaseUpdated;
import org.reception.soap.v1.GetPetitionStatusRequest;
import org.reception.soap.v1.GetPetitionStatusResponse;
import org.reception.soap.v1.PetitionFault;
import org.reception.soap.v1.PetitionerType;
import org.reception.soap.v1.Petitions;
import org.reception.soap.v1.ReportFeedbackRequest;
import org.reception.soap.v1.ReportHandlingResultRequest;
import org.reception.soap.v1.SubmitPetitionRequest;
import org.reception.soap.v1.SubmitPetitionResponse;

/**
 * The petitions service for county systems: each operation is one call of the petition service.
 * Its failures are the platform's {@link org.reception.cases.ReceptionException}s, which
 * {@link SoapFaults} turns into {@code PetitionFault}s with the REST API's stable codes.
 * Petitioners' personal data is masked in every answer, as on every read path.
 */
final class PetitionsEndpoint implements Petitions {

    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private final Supplier<PetitionService> petitions;

    PetitionsEndpoint(Supplier<PetitionService> petitions) {
        this.petitions = petitions;
    }

    /** The account the call was signed in with ({@link SignIn}). */
    private static Caller caller() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Caller caller = message == null || message.getExchange() == null ? null : message.getExchange().get(Caller.class);
        if (caller == null) {
            throw new SignInRequired();
        }
        return caller;
    }

    @Override
    public SubmitPetitionResponse submitPetition(SubmitPetitionRequest request) throws PetitionFault {
        Caller caller = caller();
        List<Petitioner> petitioners = request.petitioner.stream().map(PetitionsEndpoint::petitioner).toList();
        NewPetition petition = new NewPetition(Channel.COUNTY_SYSTEM,
                PetitionType.valueOf(request.type), Category.valueOf(request.category), request.title,
                request.content, request.jurisdiction, instant(request.receivedAt), petitioners, request.accused,
                Boolean.TRUE.equals(request.confidential), request.linkedPetition);
        Registration registration = service().register(caller, petition, request.idempotencyKey);
        Petition registered = registration.petition();
        SubmitPetitionResponse response = new SubmitPetitionResponse();
        response.registrationNumber = registered.registrationNumber();
        response.queryCode = registration.receipt().queryCode();
        response.status = registered.status().name();
        response.unitCode = registered.routing().unitCode();
        response.unitName = registered.routing().unitName();
        response.replayed = registration.replayed();
        return response;
    }

    @Override
    public GetPetitionStatusResponse getPetitionStatus(GetPetitionStatusRequest request) throws PetitionFault {
        Caller caller = caller();
        Petition petition = byNumber(caller, request.registrationNumber);
        GetPetitionStatusResponse response = new GetPetitionStatusResponse();
        response.registrationNumber = petition.registrationNumber();
        response.status = petition.status().name();
        response.open = petition.status().isOpen();
        response.unitCode = petition.handling().unit() != null ? petition.handling().unit()
                : petition.routing().unitCode();
        response.receivedAt = calendar(petition.receivedAt());
        response.nextDue = petition.deadlines().stream().filter(Deadline::isPending).map(Deadline::due)
                .min(LocalDate::compareTo).map(PetitionsEndpoint::date).orElse(null);
        response.reply = petition.handling().reply();
        response.satisfaction = petition.handling().satisfaction() == null ? null
                : petition.handling().satisfaction().name();
        response.version = petition.version();
        return response;
    }

    @Override
    public CaseUpdated reportHandlingResult(ReportHandlingResultRequest request) throws PetitionFault {
        Caller caller = caller();
        return act(caller, request.registrationNumber, request.expectedVersion, new CaseAction.Reply(request.reply));
    }

    @Override
    public CaseUpdated reportFeedback(ReportFeedbackRequest request) throws PetitionFault {
        Caller caller = caller();
        return act(caller, request.registrationNumber, request.expectedVersion,
                new CaseAction.Evaluate(Satisfaction.valueOf(request.satisfaction)));
    }

    private CaseUpdated act(Caller caller, String registrationNumber, Integer expectedVersion, CaseAction action) {
        Petition petition = byNumber(caller, registrationNumber);
        Petition changed = service().act(caller, petition.id(), VersionCondition.of(expectedVersion), action);
        CaseUpdated updated = new CaseUpdated();
        updated.registrationNumber = changed.registrationNumber();
        updated.status = changed.status().name();
        updated.version = changed.version();
        return updated;
    }

    private Petition byNumber(Caller caller, String registrationNumber) {
        return service().findByRegistrationNumber(caller, registrationNumber)
                .orElseThrow(() -> new UnknownPetition(registrationNumber));
    }

    private PetitionService service() {
        PetitionService service = petitions.get();
        if (service == null) {
            throw new ServiceUnavailable("petition intake is not running");
        }
        return service;
    }

    private static Petitioner petitioner(PetitionerType petitioner) {
        return new Petitioner(petitioner.name, petitioner.residentId, petitioner.phone, petitioner.address,
                Boolean.TRUE.equals(petitioner.representative));
    }

    static Instant instant(XMLGregorianCalendar calendar) {
        if (calendar == null) {
            return null;
        }
        GregorianCalendar gregorian = calendar.toGregorianCalendar(
                calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                        ? java.util.TimeZone.getTimeZone(PlatformTime.ZONE) : null, Locale.ROOT, null);
        return gregorian.toInstant();
    }

    static XMLGregorianCalendar calendar(Instant instant) {
        return DATES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(PlatformTime.ZONE)));
    }

    static XMLGregorianCalendar date(LocalDate date) {
        return DATES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }
}
