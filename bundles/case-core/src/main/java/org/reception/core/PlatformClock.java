package org.reception.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.PlatformTime;

/**
 * The one source of time of the platform: registrations, decisions, deadlines and the audit log
 * all read it. An offset from configuration lets tests and drills move time without waiting.
 */
@Component(service = PlatformTime.class, configurationPid = ClockConfig.PID)
@Designate(ocd = ClockConfig.class)
public final class PlatformClock implements PlatformTime {

    private static final Logger LOG = LogManager.getLogger(PlatformClock.class);

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    @Activate
    public PlatformClock(ClockConfig config) {
        this(Clock.systemUTC());
        modified(config);
    }

    PlatformClock(Clock system) {
        this.system = system;
    }

    @Modified
    void modified(ClockConfig config) {
        try {
            offset = Duration.parse(config.offset());
        } catch (DateTimeParseException e) {
            LOG.error("Clock offset '{}' in etc/{}.cfg is not an ISO 8601 duration; the clock keeps running {} from the system time",
                    config.offset(), ClockConfig.PID, offset);
            return;
        }
        if (!offset.isZero()) {
            LOG.warn("The platform clock runs {} from the system time", offset);
        }
    }

    @Override
    public Instant now() {
        return system.instant().plus(offset);
    }

    @Override
    public LocalDate today() {
        return WorkingCalendar.day(now());
    }
}
