package org.reception.cases;

import java.util.List;
import java.util.Optional;

import org.reception.cases.access.Caller;

/**
 * Intake, procedure and reading of petitions: the entry point of every endpoint. Every method but
 * the receipt lookup names its caller: what a caller may do and see is decided here, once for
 * every path (REST, SOAP, Open311, county plugins, shell). A case the caller may not see does not
 * exist for it ({@link UnknownPetition}, never a hint that it exists).
 */
public interface PetitionService {

    /**
     * Validates, routes and durably stores a new petition with its receipt, at most once per
     * idempotency key: a retry with a key already used answers what the first request answered
     * ({@link Registration#replayed()}), and stores nothing.
     *
     * @param idempotencyKey chosen by the client, unique per petition it means to register; {@code null} for none
     * @throws PetitionRejected if the petition is invalid; nothing is stored then
     * @throws Forbidden if the caller may not register petitions for that place
     * @throws IdempotencyKeyReused if the key was used for a different petition
     * @throws ServiceUnavailable if the store or the rules are not ready; nothing is stored then
     */
    Registration register(Caller caller, NewPetition petition, String idempotencyKey);

    /**
     * What {@link #register} would decide for this petition, storing nothing and auditing nothing:
     * the same checks (the same refusals), the same rules, the same search for the matter's earlier
     * petitions.
     */
    RegistrationPreview preview(Caller caller, NewPetition petition);

    /**
     * The steps the caller may take on the case now, by the names of the API's step paths
     * ({@code dispose}, {@code accept}, ..., {@code resolve-supervision}): those its status allows and
     * the caller's roles take. A step listed may still be refused for what its body says.
     *
     * @throws UnknownPetition if the case does not exist or is hidden from the caller
     */
    List<String> steps(Caller caller, String id);

    /** The case as the caller may see it: personal data masked, withheld fields left out. */
    Optional<Petition> find(Caller caller, String id);

    Optional<Petition> findByRegistrationNumber(Caller caller, String registrationNumber);

    /**
     * The case with the personal data the caller's role may read unmasked, for a stated purpose;
     * the read is written to the case's audit log (who, what, why).
     *
     * @throws PetitionRejected if no purpose is given
     */
    Optional<Petition> disclose(Caller caller, String id, String purpose);

    /**
     * Takes one step of the procedure.
     *
     * @param condition the versions the client read, or any; a condition that does not hold is a
     *                  {@link ConcurrentUpdate}, an absent one a {@link PetitionRejected} with
     *                  {@link Problem#PRECONDITION_REQUIRED}, each once the caller's right to the step was checked
     * @throws UnknownPetition, Forbidden, IllegalTransition, ConcurrentUpdate, PetitionRejected; nothing changed then
     */
    Petition act(Caller caller, String id, VersionCondition condition, CaseAction action);

    /**
     * The rule decisions of a case named by id or registration number: for rule administrators
     * (any case not kept from their units) and for whoever may read the case.
     */
    Optional<CaseDecisions> decisions(Caller caller, String idOrRegistrationNumber);

    /** The status a petitioner may read with the receipt; empty unless both number and code match. */
    Optional<PublicStatus> status(String registrationNumber, String queryCode);

    /** The cases the caller may see that match the query; the total counts only those. */
    Page<PetitionSummary> list(Caller caller, PetitionQuery query);

    /** Deadline events of the cases the caller oversees. */
    List<CaseEvent> events(Caller caller, long afterId, int limit);

    /** The audit log of a case, for auditors and the case's supervisors. */
    List<AuditEntry> audit(Caller caller, String petitionId);

    AuditVerification verifyAudit(Caller caller);
}
