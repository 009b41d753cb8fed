package org.reception.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.AuditEntry;
import org.reception.cases.AuditVerification;
import org.reception.cases.CaseAction;
import org.reception.cases.CaseDecisions;
import org.reception.cases.CaseEvent;
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Deadline;
import org.reception.cases.Disposition;
import org.reception.cases.Forbidden;
import org.reception.cases.Handling;
import org.reception.cases.IdempotencyKeyReused;
import org.reception.cases.IllegalTransition;
import org.reception.cases.NewPetition;
import org.reception.cases.OutboxAdministration;
import org.reception.cases.Page;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PetitionService;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.Petitioner;
import org.reception.cases.PlatformTime;
import org.reception.cases.Problem;
import org.reception.cases.PublicStatus;
import org.reception.cases.Receipt;
import org.reception.cases.RedactedField;
import org.reception.cases.Registration;
import org.reception.cases.RegistrationPreview;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleDecisions;
import org.reception.cases.Sha256;
import org.reception.cases.UnknownPetition;
import org.reception.cases.Violation;
import org.reception.cases.VersionCondition;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.spi.IdempotentRegistration;
import org.reception.cases.spi.MatterHistory;
import org.reception.cases.spi.PetitionRepository;
import org.reception.cases.spi.RuleEngine;

/**
 * The reception desk: registers petitions (validate, let the jurisdiction's rules route, store with
 * the receipt) and carries them through the procedure, one audited step at a time.
 */
@Component(service = PetitionService.class, configurationPid = PlatformConfig.PID)
@Designate(ocd = PlatformConfig.class)
public final class PetitionDesk implements PetitionService {

    private static final Logger LOG = LogManager.getLogger(PetitionDesk.class);
    /** Query codes avoid characters that are easily misread (0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 10;

    private static final Set<Role> EVENT_READERS = EnumSet.of(Role.SUPERVISOR, Role.ADMINISTRATOR);
    private static final Set<Role> AUDIT_VERIFIERS = EnumSet.of(Role.AUDITOR, Role.ADMINISTRATOR);

    private final PetitionRepository repository;
    private final RuleEngine rules;
    private final PlatformTime clock;
    /** Replaced whole when etc/org.reception.platform.cfg changes; a registration reads it once. */
    private volatile IntakeValidation validation;
    private final CaseProcedure procedure;
    private final SecureRandom random = new SecureRandom();
    /** Without one, nothing is delivered to county systems: cases wait in the platform. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OutboxAdministration outbox;

    @Activate
    public PetitionDesk(@Reference PetitionRepository repository, @Reference RuleEngine rules,
                        @Reference PlatformTime clock, @Reference WorkingCalendar calendar, PlatformConfig config) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
        this.validation = new IntakeValidation(config.provinceCode());
        this.procedure = new CaseProcedure(calendar);
    }

    /** A new configuration applies to the next registration; the desk never stops serving for it. */
    @Modified
    void modified(PlatformConfig config) {
        validation = new IntakeValidation(config.provinceCode());
    }

    @Override
    public Registration register(Caller caller, NewPetition petition, String idempotencyKey) {
        Instant now = clock.now();
        validation.check(petition, now);
        CaseAccess.requireRegistration(caller, petition.jurisdiction());
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("Idempotency-Key",
                    "must be 1 to 100 visible ASCII characters")));
        }
        // Keys are the clients' own: scoped by account and channel, so that two county systems' keys
        // never meet, and a replay only ever answers the account that registered.
        IdempotentRegistration.Key key = idempotencyKey == null ? null : new IdempotentRegistration.Key(
                Sha256.hex("idempotency-key\u001f" + caller.name() + "\u001f" + petition.channel() + "\u001f"
                        + idempotencyKey),
                Sha256.hex(petition.toString()));
        if (key != null) {
            Optional<IdempotentRegistration> earlier = repository.registrationByKey(key);
            if (earlier.isPresent()) {
                return replay(caller, earlier.get(), key);
            }
        }
        Assessment assessment = assess(petition, now);
        Instant receivedAt = assessment.receivedAt();
        RuleDecisions decisions = assessment.decisions();
        RoutingDecision decision = decisions.routing();
        List<String> duplicates = assessment.duplicates();
        Set<String> links = assessment.links();

        Deadline dispose = procedure.disposeDeadline(receivedAt);
        PetitionStatus status = PetitionStatus.REGISTERED;
        Handling handling = Handling.NONE;
        // Registered all the same, so that nothing is lost, but closed at once and linked; a clerk
        // who finds it is not the same matter reopens it (CaseAction.NotSameMatter).
        String refusal = assessment.refusal();
        if (refusal != null) {
            status = PetitionStatus.NOT_ACCEPTED;
            handling = new Handling(Disposition.NOT_ACCEPT, null, List.of(), refusal, null, null, null, null,
                    null, null, null);
            dispose = new Deadline(dispose.kind(), dispose.startedAt(), dispose.due(), now);
        }
        ConfidentialityDecision confidentiality = assessment.confidentiality();
        Petition draft = new Petition(null, null, petition.channel(), petition.type(), petition.category(),
                petition.title(), petition.content(), petition.jurisdiction(), receivedAt, petition.petitioners(),
                petition.accused(), petition.confidential(), new ArrayList<>(links), status, decision,
                confidentiality, decisions.escalations(), handling, List.of(dispose), List.of(), 0,
                receivedBy(caller, petition.jurisdiction()));
        String queryCode = queryCode();
        Petition registered;
        if (key == null) {
            registered = repository.create(draft, queryCode, caller.name(), now);
        } else {
            IdempotentRegistration recorded = repository.create(draft, queryCode, caller.name(), now, key, duplicates);
            if (!recorded.created()) {
                return replay(caller, recorded, key);
            }
            registered = recorded.petition();
        }
        LOG.info("Registered petition {} ({}) for {} as {}, routed to {} by {} {}{}", registered.registrationNumber(),
                registered.id(), registered.jurisdiction(), registered.status(), decision.unitCode(),
                decision.provenance().moduleId(), decision.provenance().moduleVersion(),
                decisions.escalations().isEmpty() ? "" : ", escalated " + decisions.escalations().stream()
                        .map(e -> e.trigger() + " to " + e.level()).toList());
        return new Registration(CaseAccess.view(caller, registered, false),
                new Receipt(registered.registrationNumber(), queryCode, receivedAt), duplicates);
    }

    /**
     * What a registration decides before anything is stored: the earlier petitions on the matter,
     * whether it is refused as the same matter, and the rules' decisions. One computation for the
     * registration and its preview, so that the preview never promises what the registration does not do.
     */
    private record Assessment(Instant receivedAt, RuleDecisions decisions, ConfidentialityDecision confidentiality,
                              Set<String> links, List<String> earlier, List<String> duplicates, String refusal) {
    }

    /**
     * The reception center that registers a petition: the most local of the caller's clerk and county
     * system grants over its place (a clerk of 5201 registering a matter of 520102 is the city's center).
     */
    static String receivedBy(Caller caller, String jurisdiction) {
        return caller.grants().stream().filter(grant -> grant.role() == Role.CLERK || grant.role() == Role.INTEGRATION)
                .map(grant -> Jurisdictions.prefix(grant.scope())).filter(jurisdiction::startsWith)
                .max(java.util.Comparator.comparingInt(String::length)).orElse(Jurisdictions.prefix(jurisdiction));
    }

    private Assessment assess(NewPetition petition, Instant now) {
        Instant receivedAt = petition.receivedAt() != null ? petition.receivedAt() : now;
        List<String> residentIds = petition.petitioners().stream().map(Petitioner::residentId).toList();
        String category = petition.category().name();
        MatterHistory history = repository.matterHistory(residentIds, category, petition.jurisdiction(), now);

        // The same people's earlier petitions of the category in the place, and those the petitioner
        // links: refused on only when certainly the same matter (SameMatter), shown to the clerk
        // otherwise. Every earlier petition certainly on the same matter is linked, and their number
        // is what the rules see of repeats: a third petition is linked to the first two.
        Set<String> finallyReviewed = new LinkedHashSet<>(history.finallyReviewed());
        finallyReviewed.addAll(repository.finallyReviewed(petition.linkedPetitions()));
        Set<String> candidates = new LinkedHashSet<>(history.open());
        candidates.addAll(finallyReviewed);
        List<String> earlierNumbers = history.earlier();
        candidates.addAll(earlierNumbers.subList(Math.max(0, earlierNumbers.size() - SameMatter.LOOKBACK),
                earlierNumbers.size()));
        LocalDate today = clock.today();
        List<String> onMatter = new ArrayList<>();
        List<String> sameAndFinal = new ArrayList<>();
        List<String> sameAndInTime = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (String number : candidates) {
            Optional<Petition> found = repository.findByRegistrationNumber(number);
            if (found.isEmpty() || found.get().type() != petition.type()) {
                continue;
            }
            Petition before = found.get();
            boolean same = SameMatter.certain(petition.type(), petition.title(), petition.content(),
                    petition.linkedPetitions(), before);
            boolean open = history.open().contains(number);
            if (same) {
                onMatter.add(number);
            }
            if (same && finallyReviewed.contains(number)) {
                sameAndFinal.add(number);
            } else if (same && open && SameMatter.withinTimeLimit(before, today)) {
                sameAndInTime.add(number);
            } else if (open || finallyReviewed.contains(number)) {
                possible.add(number);
            }
        }
        Set<String> links = new LinkedHashSet<>(petition.linkedPetitions());
        links.addAll(onMatter);
        List<String> duplicates = new ArrayList<>(sameAndInTime);
        duplicates.addAll(sameAndFinal);
        duplicates.addAll(possible);
        RuleDecisions decisions = rules.decide(
                PetitionFacts.atRegistration(petition, receivedAt, now, onMatter.size()), now);
        String refusal = !sameAndFinal.isEmpty() ? SameMatter.REVIEWED_MATTER
                : !sameAndInTime.isEmpty() ? String.format(SameMatter.OPEN_MATTER, String.join(", ", sameAndInTime)) : null;
        ConfidentialityDecision confidentiality = ConfidentialityFloor.raise(petition.type(), petition.accused(),
                petition.jurisdiction(), decisions.confidentiality());
        return new Assessment(receivedAt, decisions, confidentiality, links, earlierNumbers, duplicates, refusal);

    }

    @Override
    public RegistrationPreview preview(Caller caller, NewPetition petition) {
        Instant now = clock.now();
        validation.check(petition, now);
        CaseAccess.requireRegistration(caller, petition.jurisdiction());
        Assessment assessment = assess(petition, now);
        RuleDecisions decisions = assessment.decisions();
        // The same people's earlier petitions are for the reception center of the place, which keeps
        // their file; a county system learns no more than its registration would tell it.
        boolean center = CaseAccess.ofTheCenter(caller, petition.jurisdiction());
        return new RegistrationPreview(decisions.routing(),
                CaseAccess.previewed(caller, petition.jurisdiction(), assessment.confidentiality()),
                decisions.escalations(), center ? assessment.earlier() : List.of(), assessment.duplicates(),
                assessment.refusal());
    }

    @Override
    public List<String> steps(Caller caller, String id) {
        Petition petition = visible(caller, repository.findById(id)).orElseThrow(() -> new UnknownPetition(id));
        return CaseProcedure.possibleSteps(petition).stream()
                .filter(step -> CaseAccess.takes(caller, petition, step))
                .filter(step -> !step.startsWith("answer-") || answers(caller, petition, step))
                .toList();
    }

    /** Does one of the caller's scopes answer this review or re-review (Art. 35, 36)? */
    private static boolean answers(Caller caller, Petition petition, String step) {
        try {
            CaseAccess.answeringLevel(caller, petition, step);
            return true;
        } catch (Forbidden notThisCaller) {
            return false;
        }
    }

    @Override
    public Optional<Petition> find(Caller caller, String id) {
        return visible(caller, repository.findById(id)).map(petition -> CaseAccess.view(caller, petition, false));
    }

    @Override
    public Optional<Petition> findByRegistrationNumber(Caller caller, String registrationNumber) {
        return visible(caller, repository.findByRegistrationNumber(registrationNumber))
                .map(petition -> CaseAccess.view(caller, petition, false));
    }

    @Override
    public Optional<Petition> disclose(Caller caller, String id, String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 500) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("purpose", "say in 1 to 500 characters why the personal data is read")));
        }
        Optional<Petition> found = visible(caller, repository.findById(id));
        found.ifPresent(petition -> {
            Set<RedactedField> fields = CaseAccess.disclosed(caller, petition);
            if (!fields.isEmpty()) {
                repository.recordRead(petition.id(), CaseAccess.READ_PERSONAL_DATA, caller.name(),
                        "fields " + fields + "; purpose: " + purpose.strip(), clock.now());
            }
        });
        return found.map(petition -> CaseAccess.view(caller, petition, true));
    }

    @Override
    public Optional<CaseDecisions> decisions(Caller caller, String idOrRegistrationNumber) {
        return repository.findById(idOrRegistrationNumber)
                .or(() -> repository.findByRegistrationNumber(idOrRegistrationNumber))
                .flatMap(petition -> CaseAccess.decisions(caller, petition));
    }

    private static Optional<Petition> visible(Caller caller, Optional<Petition> petition) {
        return petition.filter(found -> CaseAccess.visible(caller, found));
    }

    @Override
    public Petition act(Caller caller, String id, VersionCondition condition, CaseAction action) {
        Petition current = visible(caller, repository.findById(id)).orElseThrow(() -> new UnknownPetition(id));
        CaseAccess.requireStep(caller, current, action);
        if (action instanceof CaseAction.Accept accept && accept.unit() != null && !accept.unit().isBlank()
                && !accept.unit().equals(current.handling().unit())) {
            throw new Forbidden("a unit accepts the case it was sent; sending it to " + accept.unit()
                    + " is the reception desk's disposition");
        }
        // Who answers a review or re-review is the law's (Art. 35, 36); checked once the state allows the step.
        String answeringLevel = null;
        if ((action instanceof CaseAction.AnswerReview && current.status() == PetitionStatus.UNDER_REVIEW)
                || (action instanceof CaseAction.AnswerReReview && current.status() == PetitionStatus.UNDER_RE_REVIEW)) {
            answeringLevel = CaseAccess.answeringLevel(caller, current, action);
        }
        // The version is checked once the caller may take this step at all, so that the answer tells
        // nothing of the case to a caller who may not (RFC 9110: 428 without If-Match, 412 when stale).
        if (condition.absent()) {
            throw new PetitionRejected(Problem.PRECONDITION_REQUIRED, List.of(new Violation("If-Match",
                    "send the ETag of the case as read, e.g. \"" + current.version() + "\"")));
        }
        if (!condition.holdsFor(current.version())) {
            throw new ConcurrentUpdate("petition " + current.registrationNumber() + " is at version "
                    + current.version() + ", not the one sent in If-Match; read it again");
        }
        for (String unit : unitsNamed(action)) {
            if (CaseAccess.hiddenFromUnit(current, unit)) {
                throw new IllegalTransition("petition " + current.registrationNumber() + " must not go to " + unit
                        + ": the rules keep the case from it (《信访工作条例》第三十条)");
            }
        }
        Instant now = clock.now();
        CaseProcedure.Step step = procedure.apply(current, action, caller.name(), answeringLevel, now);
        Petition changed = repository.update(step.petition(), current.version(), action.name(), caller.name(),
                step.detail(), now, deliveries(action));
        LOG.info("Petition {}: {} by {}, now {}", changed.registrationNumber(), action.name(), caller.name(),
                changed.status());
        return CaseAccess.view(caller, changed, false);
    }

    /** The units a step would hand the case to. */
    private static List<String> unitsNamed(CaseAction action) {
        if (action instanceof CaseAction.Dispose dispose) {
            List<String> units = new ArrayList<>(dispose.coUnits() == null ? List.of() : dispose.coUnits());
            if (dispose.unit() != null) {
                units.add(0, dispose.unit());
            }
            return units;
        }
        return List.of();
    }

    /** A case transferred or assigned to a unit whose county system is registered goes to that system too. */
    private List<PetitionRepository.Delivery> deliveries(CaseAction action) {
        if (action instanceof CaseAction.Dispose dispose
                && (dispose.disposition() == Disposition.TRANSFER || dispose.disposition() == Disposition.ASSIGN)
                && dispose.unit() != null) {
            String destination = dispose.unit().split("-", 2)[0];
            OutboxAdministration outbox = this.outbox;
            if (outbox != null && outbox.delivers(destination)) {
                return List.of(new PetitionRepository.Delivery(destination, dispose.disposition().name()));
            }
        }
        return List.of();
    }

    @Override
    public Optional<PublicStatus> status(String registrationNumber, String queryCode) {
        if (registrationNumber == null || queryCode == null) {
            return Optional.empty();
        }
        return repository.publicStatus(registrationNumber, queryCode.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public Page<PetitionSummary> list(Caller caller, PetitionQuery query) {
        return repository.list(query, CaseAccess.listScope(caller), clock.today());
    }

    @Override
    public List<CaseEvent> events(Caller caller, long afterId, int limit) {
        if (!caller.hasAny(EVENT_READERS)) {
            throw new Forbidden("deadline events are read by supervisors and administrators");
        }
        return caller.has(Role.ADMINISTRATOR) && !caller.has(Role.HANDLING_UNIT) ? repository.events(afterId, limit)
                : repository.events(afterId, limit, CaseAccess.eventScope(caller));
    }

    @Override
    public List<AuditEntry> audit(Caller caller, String petitionId) {
        Petition petition = repository.findById(petitionId)
                .filter(found -> CaseAccess.mayAudit(caller, found))
                .orElseThrow(() -> new UnknownPetition(petitionId));
        return CaseAccess.auditView(caller, petition, repository.audit(petition.id()));
    }

    @Override
    public AuditVerification verifyAudit(Caller caller) {
        if (!caller.hasAny(AUDIT_VERIFIERS)) {
            throw new Forbidden("the audit log is verified by auditors and administrators");
        }
        return repository.verifyAudit();
    }

    /** The answer the first request with this key got; refused if the key came with a different petition. */
    private static Registration replay(Caller caller, IdempotentRegistration earlier, IdempotentRegistration.Key key) {
        if (!earlier.key().requestHash().equals(key.requestHash())) {
            throw new IdempotencyKeyReused("the idempotency key was used for another petition;"
                    + " use a new key for a new petition");
        }
        Petition petition = earlier.petition();
        LOG.info("Registration {} answered again for a retry with its idempotency key", petition.registrationNumber());
        return new Registration(CaseAccess.view(caller, petition, false),
                new Receipt(petition.registrationNumber(), earlier.queryCode(), petition.receivedAt()),
                earlier.possibleDuplicates(), true);
    }

    private String queryCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
