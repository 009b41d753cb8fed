package org.reception.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.Deadline;
import org.reception.cases.Forbidden;
import org.reception.cases.IdempotencyKeyReused;
import org.reception.cases.IllegalTransition;
import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Problem;
import org.reception.cases.Registration;
import org.reception.cases.Satisfaction;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.UnknownPetition;
import org.reception.cases.VersionCondition;
import org.reception.cases.Violation;
import org.reception.cases.access.Authenticator;
import org.reception.cases.access.Caller;
import org.reception.cases.access.SignInThrottled;
import org.reception.soap.v1.CaseUpdated;
import org.reception.soap.v1.GetPetitionStatusRequest;
import org.reception.soap.v1.GetPetitionStatusResponse;
import org.reception.soap.v1.PetitionFault;
import org.reception.soap.v1.PetitionFaultInfo;
import org.reception.soap.v1.PetitionerType;
import org.reception.soap.v1.Petitions;
import org.reception.soap.v1.ReportFeedbackRequest;
import org.reception.soap.v1.ReportHandlingResultRequest;
import org.reception.soap.v1.SubmitPetitionRequest;
import org.reception.soap.v1.SubmitPetitionResponse;

/**
 * The petitions service for county systems: each operation is one call of the petition service,
 * each failure a {@code PetitionFault} with the same stable code the REST API puts in its problem
 * type. Petitioners' personal data is masked in every answer, as on every read path.
 */
final class PetitionsEndpoint implements Petitions {

    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private final Supplier<PetitionService> petitions;
    private final Supplier<Authenticator> authenticator;

    PetitionsEndpoint(Supplier<PetitionService> petitions, Supplier<Authenticator> authenticator) {
        this.petitions = petitions;
        this.authenticator = authenticator;
    }

    /**
     * The account of the request, signed in with HTTP Basic like the REST API: county systems use
     * their integration accounts.
     */
    private Caller caller() throws PetitionFault {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = message == null ? null
                : (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        List<String> authorization = headers == null ? null : headers.get("Authorization");
        Authenticator current = authenticator.get();
        if (current == null) {
            throw fault(new ServiceUnavailable("accounts cannot be checked yet"));
        }
        Optional<Caller> caller;
        try {
            caller = authorization == null || authorization.size() != 1 ? Optional.empty()
                    : current.signIn(authorization.get(0), clientAddress(message));
        } catch (SignInThrottled throttled) {
            throw fault(Problem.TOO_MANY_REQUESTS, throttled.getMessage());
        }
        return caller.orElseThrow(() -> fault(Problem.UNAUTHORIZED,
                "HTTP Basic with an integration account and its password is required; none was accepted"));
    }

    /** The client's address, which failed sign-ins are counted by; CXF keeps the servlet request under this key. */
    private static String clientAddress(Message message) {
        Object request = message == null ? null : message.get("HTTP.REQUEST");
        return request instanceof javax.servlet.ServletRequest servlet ? servlet.getRemoteAddr() : null;
    }

    @Override
    public SubmitPetitionResponse submitPetition(SubmitPetitionRequest request) throws PetitionFault {
        Caller caller = caller();
        try {
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
        } catch (RuntimeException e) {
            throw fault(e);
        }
    }

    @Override
    public GetPetitionStatusResponse getPetitionStatus(GetPetitionStatusRequest request) throws PetitionFault {
        Caller caller = caller();
        try {
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
        } catch (RuntimeException e) {
            throw fault(e);
        }
    }

    @Override
    public CaseUpdated reportHandlingResult(ReportHandlingResultRequest request) throws PetitionFault {
        Caller caller = caller();
        try {
            return act(caller, request.registrationNumber, request.expectedVersion, new CaseAction.Reply(request.reply));
        } catch (RuntimeException e) {
            throw fault(e);
        }
    }

    @Override
    public CaseUpdated reportFeedback(ReportFeedbackRequest request) throws PetitionFault {
        Caller caller = caller();
        try {
            return act(caller, request.registrationNumber, request.expectedVersion,
                    new CaseAction.Evaluate(Satisfaction.valueOf(request.satisfaction)));
        } catch (RuntimeException e) {
            throw fault(e);
        }
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

    static PetitionFault fault(Problem problem, String message) {
        PetitionFaultInfo info = new PetitionFaultInfo();
        info.code = problem.slug();
        info.message = message;
        return new PetitionFault(info.code + ": " + info.message, info);
    }

    /** The same stable codes as the REST API's problem types. */
    static PetitionFault fault(RuntimeException e) {
        PetitionFaultInfo info = new PetitionFaultInfo();
        info.message = e.getMessage();
        if (e instanceof PetitionRejected rejected) {
            info.code = rejected.problem().slug();
            for (Violation violation : rejected.violations()) {
                PetitionFaultInfo.Violation at = new PetitionFaultInfo.Violation();
                at.field = violation.field();
                at.message = violation.message();
                info.violation.add(at);
            }
        } else if (e instanceof UnknownPetition) {
            info.code = Problem.NOT_FOUND.slug();
        } else if (e instanceof IllegalTransition) {
            info.code = Problem.ILLEGAL_TRANSITION.slug();
        } else if (e instanceof ConcurrentUpdate) {
            info.code = Problem.CONFLICT.slug();
        } else if (e instanceof IdempotencyKeyReused) {
            info.code = Problem.IDEMPOTENCY_KEY_REUSED.slug();
        } else if (e instanceof Forbidden) {
            info.code = Problem.FORBIDDEN.slug();
        } else if (e instanceof ServiceUnavailable) {
            info.code = Problem.SERVICE_UNAVAILABLE.slug();
        } else if (e instanceof IllegalArgumentException) {
            info.code = Problem.MALFORMED_REQUEST.slug();
        } else {
            throw e;
        }
        return new PetitionFault(info.code + ": " + info.message, info);
    }
}
