package org.reception.cases.spi;

import java.time.Instant;
import java.util.Optional;

import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.RoutingDecision;

/** Durable storage of petitions; implemented by the store bundle on the platform's DataSource. */
public interface PetitionRepository {

    /**
     * Stores a validated petition with its routing decision in one transaction, assigning its id
     * and its registration number (jurisdiction, year of receipt, sequence).
     *
     * @return the petition as stored
     */
    Petition create(NewPetition petition, Instant receivedAt, RoutingDecision routing);

    Optional<Petition> findById(String id);
}
