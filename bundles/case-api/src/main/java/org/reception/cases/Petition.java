package org.reception.cases;

import java.time.Instant;
import java.util.List;

/**
 * A registered petition (信访事项) and its case file.
 *
 * @param id stable opaque identifier used in URLs
 * @param registrationNumber readable number: jurisdiction, year and sequence, e.g. {@code 520102-2026-000042}
 * @param jurisdiction the 6-digit division code of the place the matter concerns
 * @param routing the unit the rules chose, and which rules decided so
 * @param confidentiality what the rules keep from whom, all layers combined
 * @param escalations the reports up the rules asked for, at registration and when deadlines passed
 * @param version increases with every change; clients send it back to change the case (optimistic locking)
 * @param receivedBy the reception center that registered it, as a division prefix ({@code 52} the
 *                   province's, {@code 5201} a city's, {@code 520102} a county's or a county system's):
 *                   a county's matter received by a city or the province was filed above its level (越级)
 */
public record Petition(String id, String registrationNumber, Channel channel, PetitionType type, Category category,
                       String title, String content, String jurisdiction, Instant receivedAt,
                       List<Petitioner> petitioners, List<String> accused, boolean confidential,
                       List<String> linkedPetitions, PetitionStatus status, RoutingDecision routing,
                       ConfidentialityDecision confidentiality, List<EscalationDecision> escalations,
                       Handling handling, List<Deadline> deadlines, List<Supervision> supervisions, int version,
                       String receivedBy) {

    /** A petition received by the center of its own place. */
    public Petition(String id, String registrationNumber, Channel channel, PetitionType type, Category category,
                    String title, String content, String jurisdiction, Instant receivedAt,
                    List<Petitioner> petitioners, List<String> accused, boolean confidential,
                    List<String> linkedPetitions, PetitionStatus status, RoutingDecision routing,
                    ConfidentialityDecision confidentiality, List<EscalationDecision> escalations,
                    Handling handling, List<Deadline> deadlines, List<Supervision> supervisions, int version) {
        this(id, registrationNumber, channel, type, category, title, content, jurisdiction, receivedAt, petitioners,
                accused, confidential, linkedPetitions, status, routing, confidentiality, escalations, handling,
                deadlines, supervisions, version, null);
    }

    public Petition {
        receivedBy = receivedBy == null && jurisdiction != null
                ? org.reception.cases.access.Jurisdictions.prefix(jurisdiction) : receivedBy;
        petitioners = List.copyOf(petitioners);
        accused = List.copyOf(accused);
        linkedPetitions = List.copyOf(linkedPetitions);
        deadlines = List.copyOf(deadlines);
        supervisions = List.copyOf(supervisions);
        escalations = List.copyOf(escalations);
    }
}
