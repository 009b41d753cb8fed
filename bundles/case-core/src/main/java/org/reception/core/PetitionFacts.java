package org.reception.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.rules.PetitionFact;

/** The one place a petition becomes what a rule sees of it: no names, identity numbers, phones or addresses. */
final class PetitionFacts {

    private PetitionFacts() {
    }

    /** A petition being registered. */
    static PetitionFact atRegistration(NewPetition petition, Instant receivedAt, Instant now, int earlierOnMatter) {
        return PetitionFact.builder().channel(petition.channel()).type(petition.type())
                .category(petition.category()).title(petition.title()).content(petition.content())
                .jurisdiction(petition.jurisdiction()).receivedAt(receivedAt).evaluatedAt(now)
                .petitionerCount(petition.petitioners().size()).confidentialityRequested(petition.confidential())
                .accused(petition.accused()).earlierPetitionsOnMatter(earlierOnMatter).build();
    }

    /** A registered petition, as it stands on {@code today}. */
    static PetitionFact of(Petition petition, Instant now, LocalDate today, int earlierOnMatter) {
        return PetitionFact.builder().registrationNumber(petition.registrationNumber()).channel(petition.channel())
                .type(petition.type()).category(petition.category()).title(petition.title())
                .content(petition.content()).jurisdiction(petition.jurisdiction())
                .receivedAt(petition.receivedAt()).evaluatedAt(now).status(petition.status())
                .petitionerCount(petition.petitioners().size()).confidentialityRequested(petition.confidential())
                .accused(petition.accused()).earlierPetitionsOnMatter(earlierOnMatter)
                .overdueDeadlines(overdue(petition, today)).build();
    }

    private static Set<DeadlineKind> overdue(Petition petition, LocalDate today) {
        Set<DeadlineKind> overdue = EnumSet.noneOf(DeadlineKind.class);
        for (Deadline deadline : petition.deadlines()) {
            if (deadline.metAt() == null && deadline.due().isBefore(today) && !deadline.kind().isPetitionersWindow()) {
                overdue.add(deadline.kind());
            }
        }
        return overdue;
    }
}
