package org.reception.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.AuditEntry;
import org.reception.cases.AuditVerification;
import org.reception.cases.CaseAction;
import org.reception.cases.CaseEvent;
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.Deadline;
import org.reception.cases.Disposition;
import org.reception.cases.Handling;
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
import org.reception.cases.Problem;
import org.reception.cases.PublicStatus;
import org.reception.cases.Receipt;
import org.reception.cases.Registration;
import org.reception.cases.RoutingDecision;
import org.reception.cases.UnknownPetition;
import org.reception.cases.Violation;
import org.reception.cases.PlatformTime;
import org.reception.cases.IdempotencyKeyReused;
import org.reception.cases.IllegalTransition;
import org.reception.cases.Sha256;
import org.reception.cases.spi.IdempotentRegistration;
import org.reception.cases.spi.MatterHistory;
import org.reception.cases.spi.PetitionRepository;
import org.reception.cases.RuleDecisions;
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
    private static final String REVIEWED_MATTER = "复核意见为最终处理意见，同一事项不再受理（《信访工作条例》第三十六条）";
    private static final String OPEN_MATTER = "同一信访事项正在办理中（%s），不再重复受理，已关联原事项（《信访工作条例》第十九条）";

    private final PetitionRepository repository;
    private final RuleEngine rules;
    private final PlatformTime clock;
    private final IntakeValidation validation;
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

    @Override
    public Registration register(NewPetition petition) {
        return register(petition, null);
    }

    @Override
    public Registration register(NewPetition petition, String idempotencyKey) {
        Instant now = clock.now();
        validation.check(petition, now);
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, List.of(new Violation("Idempotency-Key",
                    "must be 1 to 100 visible ASCII characters")));
        }
        // Keys are the clients' own: scoped by channel, so that two county systems' keys never meet.
        IdempotentRegistration.Key key = idempotencyKey == null ? null : new IdempotentRegistration.Key(
                Sha256.hex("idempotency-key\u001f" + petition.channel() + "\u001f" + idempotencyKey),
                Sha256.hex(petition.toString()));
        if (key != null) {
            Optional<IdempotentRegistration> earlier = repository.registrationByKey(key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), key);
            }
        }
        Instant receivedAt = petition.receivedAt() != null ? petition.receivedAt() : now;
        List<String> residentIds = petition.petitioners().stream().map(Petitioner::residentId).toList();
        String category = petition.category().name();
        MatterHistory history = repository.matterHistory(residentIds, category, petition.jurisdiction(), now);
        int earlier = history.petitions();
        RuleDecisions decisions = rules.decide(PetitionFacts.atRegistration(petition, receivedAt, now, earlier), now);
        RoutingDecision decision = decisions.routing();
        List<String> duplicates = history.open();
        List<String> reviewed = new ArrayList<>(history.finallyReviewed());
        repository.finallyReviewed(petition.linkedPetitions()).stream()
                .filter(number -> !reviewed.contains(number)).forEach(reviewed::add);
        Set<String> links = new LinkedHashSet<>(petition.linkedPetitions());
        links.addAll(duplicates);
        links.addAll(reviewed);

        Deadline dispose = procedure.disposeDeadline(receivedAt);
        PetitionStatus status = PetitionStatus.REGISTERED;
        Handling handling = Handling.NONE;
        // Registered all the same, so that nothing is lost, but closed at once and linked.
        String refusal = !reviewed.isEmpty() ? REVIEWED_MATTER
                : !duplicates.isEmpty() ? String.format(OPEN_MATTER, String.join(", ", duplicates)) : null;
        if (refusal != null) {
            status = PetitionStatus.NOT_ACCEPTED;
            handling = new Handling(Disposition.NOT_ACCEPT, null, List.of(), refusal, null, null, null, null,
                    null, null, null);
            dispose = new Deadline(dispose.kind(), dispose.startedAt(), dispose.due(), now);
        }
        Petition draft = new Petition(null, null, petition.channel(), petition.type(), petition.category(),
                petition.title(), petition.content(), petition.jurisdiction(), receivedAt, petition.petitioners(),
                petition.accused(), petition.confidential(), new ArrayList<>(links), status, decision,
                decisions.confidentiality(), decisions.escalations(), handling, List.of(dispose), List.of(), 0);
        String queryCode = queryCode();
        Petition registered;
        if (key == null) {
            registered = repository.create(draft, queryCode, "intake", now);
        } else {
            IdempotentRegistration recorded = repository.create(draft, queryCode, "intake", now, key, duplicates);
            if (!recorded.created()) {
                return replay(recorded, key);
            }
            registered = recorded.petition();
        }
        LOG.info("Registered petition {} ({}) for {} as {}, routed to {} by {} {}{}", registered.registrationNumber(),
                registered.id(), registered.jurisdiction(), registered.status(), decision.unitCode(),
                decision.provenance().moduleId(), decision.provenance().moduleVersion(),
                decisions.escalations().isEmpty() ? "" : ", escalated " + decisions.escalations().stream()
                        .map(e -> e.trigger() + " to " + e.level()).toList());
        return new Registration(Redaction.of(registered),
                new Receipt(registered.registrationNumber(), queryCode, receivedAt), duplicates);
    }

    @Override
    public Optional<Petition> find(String id) {
        return repository.findById(id).map(Redaction::of);
    }

    @Override
    public Optional<Petition> findByRegistrationNumber(String registrationNumber) {
        return repository.findByRegistrationNumber(registrationNumber).map(Redaction::of);
    }

    @Override
    public Petition act(String id, Integer expectedVersion, CaseAction action, String actor) {
        Petition current = repository.findById(id).orElseThrow(() -> new UnknownPetition(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConcurrentUpdate("petition " + current.registrationNumber() + " is at version "
                    + current.version() + ", not " + expectedVersion + "; read it again");
        }
        if (action instanceof CaseAction.Dispose dispose && dispose.unit() != null
                && current.confidentiality().hiddenFrom().contains(dispose.unit())) {
            throw new IllegalTransition("petition " + current.registrationNumber() + " must not go to " + dispose.unit()
                    + ": the rules keep the case from it (《信访工作条例》第三十条)");
        }
        Instant now = clock.now();
        CaseProcedure.Step step = procedure.apply(current, action, actor, now);
        Petition changed = repository.update(step.petition(), current.version(), action.name(), actor, step.detail(), now,
                deliveries(action));
        LOG.info("Petition {}: {} by {}, now {}", changed.registrationNumber(), action.name(), actor, changed.status());
        return Redaction.of(changed);
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
    public Page<PetitionSummary> list(PetitionQuery query) {
        return repository.list(query, clock.today());
    }

    @Override
    public List<CaseEvent> events(long afterId, int limit) {
        return repository.events(afterId, limit);
    }

    @Override
    public List<AuditEntry> audit(String petitionId) {
        return repository.audit(petitionId);
    }

    @Override
    public AuditVerification verifyAudit() {
        return repository.verifyAudit();
    }

    /** The answer the first request with this key got; refused if the key came with a different petition. */
    private static Registration replay(IdempotentRegistration earlier, IdempotentRegistration.Key key) {
        if (!earlier.key().requestHash().equals(key.requestHash())) {
            throw new IdempotencyKeyReused("the idempotency key was used for another petition;"
                    + " use a new key for a new petition");
        }
        Petition petition = earlier.petition();
        LOG.info("Registration {} answered again for a retry with its idempotency key", petition.registrationNumber());
        return new Registration(Redaction.of(petition),
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
