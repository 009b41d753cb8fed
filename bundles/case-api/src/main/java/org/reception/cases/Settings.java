package org.reception.cases;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** How the platform reads its configuration's list settings, the same in every bundle. */
public final class Settings {

    private Settings() {
    }

    /**
     * The entries of a list setting ({@code trustedProxies = 10.0.0.5, 10.0.0.6}), whether Config
     * Admin hands it as one comma-separated string or as an array: stripped, blanks dropped, in order.
     */
    public static Set<String> listed(String[] values) {
        Set<String> entries = new LinkedHashSet<>();
        for (String value : values == null ? new String[0] : values) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    entries.add(one.strip());
                }
            }
        }
        return Collections.unmodifiableSet(entries);
    }
}
