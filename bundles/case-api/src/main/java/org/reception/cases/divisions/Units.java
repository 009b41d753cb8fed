package org.reception.cases.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reception.cases.access.Jurisdictions;

/**
 * The register of units the platform knows: a unit code is a division's code and a department's
 * short code, {@code 520102-GAJ}, and its name the division's name followed by the department's,
 * 南明区公安局. The departments, the levels at which each exists and their kinds are those of
 * {@code units.csv}: {@code 520102-GAJ} is a unit, {@code 520102-GAT} (a province's department
 * named at a county) is not. The one source for what a unit is, read by access, procedure and the
 * rules host alike.
 */
public final class Units {

    /**
     * A unit code as rule modules emit them: a division's code (2, 4 or 6 digits: {@code 52},
     * {@code 5201}, {@code 520102}, or 6 with trailing zeros), a dash, a short code of capitals and digits.
     */
    public static final Pattern UNIT_CODE = Pattern.compile("(\\d{2}|\\d{4}|\\d{6})-([A-Z][A-Z0-9]{0,15})");

    private record Department(String name, Set<DivisionLevel> levels, UnitKind kind) {
    }

    private static final Map<String, Department> DEPARTMENTS = load();
    /** Read on every decision of every module: one immutable set, not a copy per call. */
    private static final Set<String> DEPARTMENT_CODES = Set.copyOf(DEPARTMENTS.keySet());

    private Units() {
    }

    /**
     * The unit a code stands for, if the register knows it: its division exists and its department
     * exists at that division's level. The code may be in any of the forms {@link #canonical} accepts.
     */
    public static Optional<Unit> find(String unitCode) {
        if (unitCode == null) {
            return Optional.empty();
        }
        Matcher code = UNIT_CODE.matcher(canonical(unitCode));
        if (!code.matches()) {
            return Optional.empty();
        }
        Department department = DEPARTMENTS.get(code.group(2));
        return Optional.ofNullable(department).flatMap(known -> Divisions.reference().find(code.group(1))
                .filter(division -> known.levels().contains(division.level()))
                .map(division -> new Unit(code.group(1) + "-" + code.group(2), division.name() + known.name(),
                        division, known.kind())));
    }

    /** The name a unit code stands for, if the register knows the unit. */
    public static Optional<String> name(String unitCode) {
        return find(unitCode).map(Unit::name);
    }

    /** The units of one division, in the register's order: what a clerk chooses from for a case of that place. */
    public static List<Unit> of(String divisionCode) {
        return DEPARTMENTS.keySet().stream().map(department -> find(divisionCode + "-" + department))
                .flatMap(Optional::stream).toList();
    }

    /** The short codes of the departments the platform knows, e.g. {@code GAJ}. */
    public static Set<String> departments() {
        return DEPARTMENT_CODES;
    }

    /**
     * A unit code in the one form the platform keeps: spaces around it dropped, the department's
     * short code in capitals, the division's code without its trailing zeros ({@code 520100-zjfy}
     * is {@code 5201-ZJFY}, as the division list writes 5201). What is not a unit code comes back
     * only stripped, for its check to refuse.
     */
    public static String canonical(String unitCode) {
        return Jurisdictions.canonicalUnit(unitCode);
    }

    private static Map<String, Department> load() {
        Map<String, Department> departments = new LinkedHashMap<>();
        try (InputStream in = Units.class.getResourceAsStream("units.csv")) {
            if (in == null) {
                throw new IllegalStateException("units.csv is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] row = line.split(",");
                Set<DivisionLevel> levels = EnumSet.noneOf(DivisionLevel.class);
                for (String level : row[2].trim().split(" +")) {
                    levels.add(DivisionLevel.valueOf(level));
                }
                departments.put(row[0].trim(), new Department(row[1].trim(), levels, UnitKind.valueOf(row[3].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return departments;
    }
}
