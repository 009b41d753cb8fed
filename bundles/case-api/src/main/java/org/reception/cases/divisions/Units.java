package org.reception.cases.divisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.reception.cases.access.Jurisdictions;

/**
 * The units the platform knows: a unit code is a division's six-digit code and a department's
 * short code, {@code 520102-GAJ}, and its name the division's name followed by the department's,
 * 南明区公安局. The departments are those of {@code units.properties}.
 */
public final class Units {

    /**
     * A unit code as rule modules emit them: a division's code (2, 4 or 6 digits: {@code 52},
     * {@code 5201}, {@code 520102}, or 6 with trailing zeros), a dash, a short code of capitals and digits.
     */
    public static final Pattern UNIT_CODE = Pattern.compile("(\\d{2}|\\d{4}|\\d{6})-([A-Z][A-Z0-9]{0,15})");

    private static final Properties DEPARTMENTS = load();
    /** Read on every decision of every module: one immutable set, not a copy per call. */
    private static final Set<String> DEPARTMENT_CODES = Set.copyOf(DEPARTMENTS.stringPropertyNames());

    private Units() {
    }

    /** The name a unit code stands for, if its department and division are known. */
    public static Optional<String> name(String unitCode) {
        int dash = unitCode.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String department = DEPARTMENTS.getProperty(unitCode.substring(dash + 1));
        String division = Jurisdictions.prefix(unitCode.substring(0, dash));
        return Optional.ofNullable(department).flatMap(name -> Divisions.reference().find(division)
                .map(place -> place.name() + name));
    }

    /** The short codes of the departments the platform knows, e.g. {@code GAJ}. */
    public static Set<String> departments() {
        return DEPARTMENT_CODES;
    }

    private static Properties load() {
        Properties names = new Properties();
        try (InputStream in = Units.class.getResourceAsStream("units.properties")) {
            if (in == null) {
                throw new IllegalStateException("units.properties is missing from the bundle");
            }
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
