package org.reception.cases;

import java.util.Optional;

/** Intake and reading of petitions: the entry point of every endpoint. */
public interface PetitionService {

    /**
     * Validates, routes and durably stores a new petition.
     *
     * @throws PetitionRejected if the petition is invalid; nothing is stored then
     * @throws ServiceUnavailable if the store or the rules are not ready; nothing is stored then
     */
    Petition register(NewPetition petition);

    Optional<Petition> find(String id);
}
