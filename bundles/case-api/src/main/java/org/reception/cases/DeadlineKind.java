package org.reception.cases;

/** The legal time limits of a petition, and how each is counted. */
public enum DeadlineKind {
    /** Dispose of a registered petition, and notify acceptance or not: 15 days of receipt (Art. 22, 23). */
    DISPOSE(15, false),
    /** The receiving unit may object to a wrong routing: 5 working days (Art. 23). */
    OBJECT(5, true),
    /**
     * The receiving unit decides whether it accepts a transferred or assigned petition and tells the
     * petitioner: 15 days of receiving it (Art. 23). Met when it accepts or objects.
     */
    ACCEPTANCE_NOTICE(15, false),
    /** Handle an accepted petition: 60 days of acceptance (Art. 34); one extension of at most 30. */
    HANDLE(60, false),
    /** Request a review: 30 days of the reply (Art. 35). */
    REQUEST_REVIEW(30, false),
    /** Answer a review: 30 days of the request (Art. 35). */
    ANSWER_REVIEW(30, false),
    /** Request a re-review: 30 days of the review's answer (Art. 36). */
    REQUEST_RE_REVIEW(30, false),
    /** Answer a re-review: 30 days of the request (Art. 36). */
    ANSWER_RE_REVIEW(30, false),
    /** A supervisor's order to correct (Art. 40): the date is set by the order. */
    SUPERVISION(0, false);

    private final int length;
    private final boolean workingDays;

    DeadlineKind(int length, boolean workingDays) {
        this.length = length;
        this.workingDays = workingDays;
    }

    /**
     * Whether it is the petitioner's period to ask for something (a review, a re-review), not the
     * office's to do it: its end makes nothing overdue, raises no event and escalates nothing; the
     * case may then be archived.
     */
    public boolean isPetitionersWindow() {
        return this == REQUEST_REVIEW || this == REQUEST_RE_REVIEW;
    }

    /** The legal length of the period, in days or working days. */
    public int length() {
        return length;
    }

    public boolean countsWorkingDays() {
        return workingDays;
    }
}
