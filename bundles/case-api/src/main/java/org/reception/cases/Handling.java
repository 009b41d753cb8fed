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
                       String reviewAnswer, String reReviewAnswer, Instant archivedAt, String reviewedBy,
                       String reReviewedBy, RedirectChannel redirectedTo) {

    public static final Handling NONE = new Handling(null, null, List.of(), null, null, null, null, null, null, null, null);

    /**
     * @param reviewedBy the division whose organ answered the review: the handling organ's or one above
     *                   it (Art. 35), e.g. {@code 5201}
     * @param reReviewedBy the division whose organ answered the re-review, above the reviewing one (Art. 36)
     * @param redirectedTo for a redirected petition, the statutory channel the petitioner was told to take
     *                     (Art. 31), when the clerk named it
     */
    public Handling {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }

    /** A handling not reviewed yet. */
    public Handling(Disposition disposition, String unit, List<String> coUnits, String reason, String extensionReason,
                    String reply, Instant repliedAt, Satisfaction satisfaction, String reviewAnswer,
                    String reReviewAnswer, Instant archivedAt) {
        this(disposition, unit, coUnits, reason, extensionReason, reply, repliedAt, satisfaction, reviewAnswer,
                reReviewAnswer, archivedAt, null, null, null);
    }

    /** A handling not redirected. */
    public Handling(Disposition disposition, String unit, List<String> coUnits, String reason, String extensionReason,
                    String reply, Instant repliedAt, Satisfaction satisfaction, String reviewAnswer,
                    String reReviewAnswer, Instant archivedAt, String reviewedBy, String reReviewedBy) {
        this(disposition, unit, coUnits, reason, extensionReason, reply, repliedAt, satisfaction, reviewAnswer,
                reReviewAnswer, archivedAt, reviewedBy, reReviewedBy, null);
    }
}
