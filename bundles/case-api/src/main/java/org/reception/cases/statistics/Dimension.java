package org.reception.cases.statistics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a breakdown of the statistics is by: one row per value. */
@Schema(enumAsRef = true)
public enum Dimension {
    /** The child divisions of the jurisdiction (a city's counties; a county is its own one row), by the case's place. */
    DIVISION,
    /** The petition's type (suggestion, accusation, appeal, consultation). */
    TYPE,
    CATEGORY,
    CHANNEL,
    /** The handling unit (the lead unit); cases not disposed to a unit are the row {@code NONE}. */
    UNIT,
    /** Where the case stands now. */
    STATUS;

    /** The name a request uses: {@code division}, {@code type} … */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> named(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(d -> d.parameter().equals(name.strip().toLowerCase(Locale.ROOT)))
                        .findFirst();
    }
}
