package org.reception.cases;

import java.time.Instant;

/**
 * A registered petition (信访事项).
 *
 * @param id stable opaque identifier used in URLs
 * @param registrationNumber readable number: jurisdiction, year and sequence, e.g. {@code 520102-2026-000042}
 * @param jurisdiction the 6-digit division code of the place the matter concerns
 * @param routing the unit that handles it, and which rules decided so
 */
public record Petition(String id, String registrationNumber, Channel channel, Category category,
                       String title, String content, String jurisdiction, Instant receivedAt,
                       PetitionStatus status, RoutingDecision routing) {
}
