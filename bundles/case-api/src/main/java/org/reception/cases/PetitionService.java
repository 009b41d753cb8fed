package org.reception.cases;

import java.util.List;
import java.util.Optional;

/** Intake, procedure and reading of petitions: the entry point of every endpoint. */
public interface PetitionService {

    /**
     * Validates, routes and durably stores a new petition with its receipt.
     *
     * @throws PetitionRejected if the petition is invalid; nothing is stored then
     * @throws ServiceUnavailable if the store or the rules are not ready; nothing is stored then
     */
    Registration register(NewPetition petition);

    /**
     * Registers at most once per idempotency key: a retry with a key already used answers what the
     * first request answered ({@link Registration#replayed()}), and stores nothing.
     *
     * @param idempotencyKey chosen by the client, unique per petition it means to register; {@code null} for none
     * @throws IdempotencyKeyReused if the key was used for a different petition
     */
    Registration register(NewPetition petition, String idempotencyKey);

    Optional<Petition> find(String id);

    Optional<Petition> findByRegistrationNumber(String registrationNumber);

    /**
     * Takes one step of the procedure.
     *
     * @param expectedVersion the version the client read; {@code null} to act on the current one
     * @param actor who acts, for the audit log
     * @throws UnknownPetition, IllegalTransition, ConcurrentUpdate, PetitionRejected; nothing changed then
     */
    Petition act(String id, Integer expectedVersion, CaseAction action, String actor);

    /** The status a petitioner may read with the receipt; empty unless both number and code match. */
    Optional<PublicStatus> status(String registrationNumber, String queryCode);

    Page<PetitionSummary> list(PetitionQuery query);

    List<CaseEvent> events(long afterId, int limit);

    List<AuditEntry> audit(String petitionId);

    AuditVerification verifyAudit();
}
