package org.reception.cases.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.reception.cases.AuditEntry;
import org.reception.cases.AuditVerification;
import org.reception.cases.CaseEvent;
import org.reception.cases.EscalationDecision;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Page;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PublicStatus;

/**
 * Durable storage of petitions; implemented by the store bundle on the platform's DataSource.
 * Every write is one transaction with its audit entry: both happen, or neither.
 */
public interface PetitionRepository {

    /**
     * Stores a new petition, assigning its id, its registration number (jurisdiction, year of
     * receipt, sequence) and its version, with the audit entry of its registration.
     *
     * @param draft the petition to store; its id, registration number and version are ignored
     * @param queryCode the receipt's query code; only a hash bound to the registration number is kept
     * @return the petition as stored
     */
    Petition create(Petition draft, String queryCode, String actor, Instant now);

    /**
     * As {@link #create}, and records the request under its idempotency key in the same
     * transaction. If the key is recorded already (by an earlier or a concurrent request),
     * nothing is stored and the earlier registration is returned.
     */
    IdempotentRegistration create(Petition draft, String queryCode, String actor, Instant now,
                                  IdempotentRegistration.Key key, List<String> possibleDuplicates);

    /** The registration recorded under an idempotency key, if any. */
    Optional<IdempotentRegistration> registrationByKey(IdempotentRegistration.Key key);

    /** Forgets the idempotency keys recorded before {@code before}; @return how many */
    int forgetIdempotencyKeys(Instant before);

    Optional<Petition> findById(String id);

    Optional<Petition> findByRegistrationNumber(String registrationNumber);

    /**
     * Replaces the case state of a petition (status, handling, deadlines, supervisions) and
     * appends the audit entry, if and only if its version is still {@code expectedVersion}.
     *
     * @return the petition as stored, with its new version
     * @throws org.reception.cases.ConcurrentUpdate if the version moved on; nothing changed
     */
    Petition update(Petition changed, int expectedVersion, String action, String actor, String detail, Instant now);

    /**
     * As {@link #update}, and puts deliveries into the outbox in the same transaction.
     *
     * @param deliveries each a destination division code and the kind of delivery
     */
    Petition update(Petition changed, int expectedVersion, String action, String actor, String detail, Instant now,
                    List<Delivery> deliveries);

    /** A case to deliver to a county system. */
    record Delivery(String destination, String kind) {
    }

    /** Undelivered outbox messages due at {@code now}, oldest first. */
    List<OutboxMessage> dueDeliveries(Instant now, int limit);

    void markDelivered(long messageId, Instant now);

    void markAttemptFailed(long messageId, String error, Instant nextAttemptAt);

    /**
     * The county system refused a pending message: counts the refusal and schedules the next
     * attempt, or parks the message {@link OutboxMessage.Status#REFUSED} when this is refusal
     * number {@code refusalsToPark} since it was written or last retried by an operator.
     *
     * @return whether the message is now parked
     */
    boolean markRefused(long messageId, String reason, Instant nextAttemptAt, int refusalsToPark);

    /** The outbox, newest first: undelivered (pending and refused) ones only, or all. */
    List<OutboxMessage> outbox(boolean undeliveredOnly, int limit);

    /**
     * Makes an undelivered message due at once; a refused one becomes pending again with no
     * refusals counted. @return whether there was one
     */
    boolean retryNow(long messageId, Instant now);

    /**
     * The petitions with one of these petitioners, the same category and place, registered before
     * {@code before}: which are still open, which finally reviewed (Art. 36), and all of them. The
     * history in which a registration looks for the same matter.
     */
    MatterHistory matterHistory(List<String> residentIds, String category, String jurisdiction, Instant before);

    /** Those of these registration numbers whose re-review is done (final, Art. 36). */
    List<String> finallyReviewed(List<String> registrationNumbers);

    /** The public status, if the query code is the one issued with that registration number. */
    Optional<PublicStatus> publicStatus(String registrationNumber, String queryCode);

    /** One page of the cases within {@code scope} that match the query, counted within the scope too. */
    Page<PetitionSummary> list(PetitionQuery query, ListScope scope, LocalDate today);

    /**
     * Appends an entry to a case's audit log without changing the case: who read its personal data and why.
     */
    void recordRead(String petitionId, String action, String actor, String detail, Instant now);

    /**
     * Raises, once each, the events of pending deadlines that are overdue on {@code today} or due
     * on or before {@code dueSoonUntil}.
     *
     * @return how many events were raised
     */
    int raiseDeadlineEvents(LocalDate today, LocalDate dueSoonUntil, Instant now);

    List<CaseEvent> events(long afterId, int limit);

    /** The events of the cases within {@code scope}, as a list of them would show. */
    List<CaseEvent> events(long afterId, int limit, ListScope scope);

    /** Overdue events not yet put to the rules, oldest first. */
    List<CaseEvent> unassessedOverdueEvents(int limit);

    /**
     * Records what the rules made of an overdue event: the escalations it adds (with an audit entry
     * if there are any), and the event as assessed; both or neither.
     */
    void recordAssessment(CaseEvent event, List<EscalationDecision> added, String actor, Instant now);

    List<AuditEntry> audit(String petitionId);

    AuditVerification verifyAudit();
}
