package org.reception.cases;

/** How fast a case or a report must move: for a routing, its handling priority; for an escalation, its urgency. */
public enum Priority {
    NORMAL,
    HIGH,
    URGENT;

    /** The more pressing of two. */
    public Priority max(Priority other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
