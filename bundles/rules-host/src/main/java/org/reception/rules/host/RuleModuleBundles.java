package org.reception.rules.host;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.reception.rules.RuleModules;

/** Reads a rule module out of a bundle that declares the {@link RuleModules#HEADER} header. */
final class RuleModuleBundles {

    private RuleModuleBundles() {
    }

    /** @return the module the bundle carries, or empty if the bundle is not a rule module */
    static Optional<RuleModuleSource> read(Bundle bundle) throws IOException {
        String header = bundle.getHeaders().get(RuleModules.HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        ModuleHeader declared = ModuleHeader.parse(header);
        Map<String, String> drl = new LinkedHashMap<>();
        Enumeration<URL> entries = bundle.findEntries(RuleModules.DRL_FOLDER, "*.drl", true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            try (InputStream in = entry.openStream()) {
                drl.put(entry.getPath(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String origin = "bundle " + bundle.getBundleId() + " (" + bundle.getSymbolicName() + ")";
        return Optional.of(new RuleModuleSource(declared.id(), bundle.getVersion().toString(),
                declared.jurisdiction(), drl, origin));
    }

    /** {@code Reception-Rule-Module: province-base;jurisdiction=52} */
    record ModuleHeader(String id, String jurisdiction) {

        static ModuleHeader parse(String header) {
            String[] parts = header.split(";");
            String id = parts[0].strip();
            String jurisdiction = "";
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].split("=", 2);
                if (attribute.length == 2 && attribute[0].strip().equals(RuleModules.JURISDICTION_ATTRIBUTE)) {
                    jurisdiction = attribute[1].strip().replace("\"", "");
                }
            }
            return new ModuleHeader(id, jurisdiction);
        }
    }
}
