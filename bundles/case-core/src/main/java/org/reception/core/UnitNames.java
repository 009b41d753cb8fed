package org.reception.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import org.reception.cases.access.Jurisdictions;
import org.reception.cases.divisions.Divisions;

/**
 * The name a unit code stands for, as petitioners write it when they name an accused unit:
 * {@code 520102-GAJ} is 南明区公安局. Unknown short codes have no name; such a unit is then
 * recognised by its code alone.
 */
final class UnitNames {

    private static final Properties NAMES = load();

    private UnitNames() {
    }

    static Optional<String> of(String unitCode) {
        int dash = unitCode.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String department = NAMES.getProperty(unitCode.substring(dash + 1));
        String division = Jurisdictions.prefix(Jurisdictions.divisionOfUnit(unitCode));
        return Optional.ofNullable(department).flatMap(name -> Divisions.reference().find(division)
                .map(place -> place.name() + name));
    }

    private static Properties load() {
        Properties names = new Properties();
        try (InputStream in = UnitNames.class.getResourceAsStream("unit-names.properties")) {
            if (in == null) {
                throw new IllegalStateException("unit-names.properties is missing from the bundle");
            }
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
