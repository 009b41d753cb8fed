package org.reception.core;

import java.time.Instant;
import java.time.LocalDate;

import org.reception.cases.PlatformTime;

/** The platform's time stopped at one instant: the clock the core's tests inject. */
final class FixedClock implements PlatformTime {

    private final Instant now;

    private FixedClock(Instant now) {
        this.now = now;
    }

    static PlatformTime at(Instant now) {
        return new FixedClock(now);
    }

    /** Midnight at the start of {@code day}, China Standard Time. */
    static PlatformTime startOf(LocalDate day) {
        return new FixedClock(day.atStartOfDay(ZONE).toInstant());
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public LocalDate today() {
        return now.atZone(ZONE).toLocalDate();
    }
}
