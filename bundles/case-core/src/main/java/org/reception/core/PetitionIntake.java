package org.reception.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionService;
import org.reception.cases.RoutingDecision;
import org.reception.cases.spi.PetitionRepository;
import org.reception.cases.spi.RoutingEngine;
import org.reception.rules.PetitionFact;

/** Registers petitions: validate, let the jurisdiction's rules route, then store both in one transaction. */
@Component(service = PetitionService.class, configurationPid = PlatformConfig.PID)
@Designate(ocd = PlatformConfig.class)
public final class PetitionIntake implements PetitionService {

    private static final Logger LOG = LogManager.getLogger(PetitionIntake.class);

    private final PetitionRepository repository;
    private final RoutingEngine routing;
    private final IntakeValidation validation;

    @Activate
    public PetitionIntake(@Reference PetitionRepository repository, @Reference RoutingEngine routing,
                          PlatformConfig config) {
        this(repository, routing, config.provinceCode(), Clock.systemUTC());
    }

    PetitionIntake(PetitionRepository repository, RoutingEngine routing, String provinceCode, Clock clock) {
        this.repository = repository;
        this.routing = routing;
        this.validation = new IntakeValidation(provinceCode, clock);
    }

    @Override
    public Petition register(NewPetition petition) {
        validation.check(petition);
        Instant receivedAt = validation.receivedAt(petition);
        RoutingDecision decision = routing.route(new PetitionFact(petition.channel(), petition.category(),
                petition.title(), petition.content(), petition.jurisdiction(), receivedAt));
        Petition registered = repository.create(petition, receivedAt, decision);
        LOG.info("Registered petition {} ({}) for {}, routed to {} by {} {}", registered.registrationNumber(),
                registered.id(), registered.jurisdiction(), decision.unitCode(),
                decision.provenance().moduleId(), decision.provenance().moduleVersion());
        return registered;
    }

    @Override
    public Optional<Petition> find(String id) {
        return repository.findById(id);
    }
}
