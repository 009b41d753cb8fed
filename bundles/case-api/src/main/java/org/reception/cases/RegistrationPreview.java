package org.reception.cases;

import java.util.List;

/**
 * What registering a petition would decide, computed exactly as the registration does but stored
 * nowhere: the clerk reads it while the visitor is still at the window.
 *
 * @param routing         the unit the rules propose, with their reason and legal basis
 * @param confidentiality what the rules and the platform's floor would keep from whom
 * @param escalations     what the rules would escalate at once
 * @param earlier         the same people's earlier petitions of the category in the place, latest last
 * @param duplicates      petitions this one may repeat, the certain ones first
 * @param refusal         why the registration would be closed at once as the same matter (Art. 19,
 *                        Art. 36), or {@code null}
 */
public record RegistrationPreview(RoutingDecision routing, ConfidentialityDecision confidentiality,
                                  List<EscalationDecision> escalations, List<String> earlier,
                                  List<String> duplicates, String refusal) {
    public RegistrationPreview {
        escalations = List.copyOf(escalations);
        earlier = List.copyOf(earlier);
        duplicates = List.copyOf(duplicates);
    }
}
