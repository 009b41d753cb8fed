package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The platform's one source of time: registrations, decisions, deadlines and the audit log read it. */
public interface PlatformTime {

    /**
     * China Standard Time: the one zone the platform counts days in (deadlines, registration years,
     * the dates it writes for clients).
     */
    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    Instant now();

    /** Today in China Standard Time, the calendar every legal deadline is counted in. */
    LocalDate today();
}
