package org.reception.cases.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference list of administrative divisions shipped with the platform (the National Bureau
 * of Statistics' codes, GB/T 2260 pattern): provinces, prefectures and counties of the mainland.
 */
public final class Divisions {

    private static final class Holder {
        static final Divisions REFERENCE = load();
    }

    private final Map<String, Division> byCode;

    private Divisions(Map<String, Division> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The list bundled with the platform, read once. */
    public static Divisions reference() {
        return Holder.REFERENCE;
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** From the province down to the division itself: {@code 52, 5201, 520102} for 520102. */
    public List<Division> chain(String code) {
        List<Division> chain = new ArrayList<>();
        Division current = byCode.get(code);
        while (current != null) {
            chain.add(0, current);
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        return chain;
    }

    /** The divisions directly below {@code code}, by code; the provinces for {@code null}. */
    public List<Division> children(String code) {
        return byCode.values().stream().filter(division -> java.util.Objects.equals(code, division.parentCode()))
                .sorted(java.util.Comparator.comparing(Division::code)).toList();
    }

    /** Whether {@code code} is {@code ancestor} itself or lies below it. */
    public static boolean isWithin(String code, String ancestor) {
        return code != null && ancestor != null && code.startsWith(ancestor);
    }

    private static Divisions load() {
        Map<String, Division> byCode = new HashMap<>(4096);
        read("provinces.csv", row -> new Division(row[0], row[1], DivisionLevel.PROVINCE, null), byCode);
        read("cities.csv", row -> new Division(row[0], row[1], DivisionLevel.PREFECTURE, row[2]), byCode);
        read("areas.csv", row -> new Division(row[0], row[1], DivisionLevel.COUNTY, row[2]), byCode);
        return new Divisions(byCode);
    }

    private interface RowMapper {
        Division map(String[] row);
    }

    private static void read(String resource, RowMapper mapper, Map<String, Division> into) {
        try (InputStream in = Divisions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("division list " + resource + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    Division division = mapper.map(line.replace("\"", "").split(","));
                    into.put(division.code(), division);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read division list " + resource, e);
        }
    }
}
