package org.reception.cases;

import java.time.Instant;
import java.util.List;

/**
 * How a petition is being dealt with: the disposition, the units, the reply and the evaluations.
 * Fields are {@code null} until the step that sets them.
 *
 * @param unit the receiving or handling unit (the lead unit in joint handling, Art. 24)
 * @param coUnits the other units of a joint handling
 * @param reason why it was disposed this way (for a redirection: where to)
 */
public record Handling(Disposition disposition, String unit, List<String> coUnits, String reason,
                       String extensionReason, String reply, Instant repliedAt, Satisfaction satisfaction,
                       String reviewAnswer, String reReviewAnswer, Instant archivedAt) {

    public static final Handling NONE = new Handling(null, null, List.of(), null, null, null, null, null, null, null, null);

    public Handling {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }
}
