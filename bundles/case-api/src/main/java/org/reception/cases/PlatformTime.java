package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;

/** The platform's one source of time: registrations, decisions, deadlines and the audit log read it. */
public interface PlatformTime {

    Instant now();

    /** Today in China Standard Time, the calendar every legal deadline is counted in. */
    LocalDate today();
}
