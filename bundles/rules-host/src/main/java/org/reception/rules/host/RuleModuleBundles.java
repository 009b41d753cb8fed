package org.reception.rules.host;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.reception.rules.RuleModules;
import org.reception.rules.admin.RuleModuleSource;

/**
 * Reads a rule module out of a bundle that declares the {@link RuleModules#HEADER} header, or out
 * of such a bundle's jar before it is installed: its DRL under {@code rules/}, its test cases under
 * {@code rules/tests/}.
 */
final class RuleModuleBundles {

    static final String TESTS_FOLDER = RuleModules.DRL_FOLDER + "/" + RuleModules.TESTS_FOLDER;
    /** A module is text: DRL and test cases. These bound what an uploaded jar may unpack to. */
    static final int MAX_ENTRIES = 500;
    static final long MAX_UNPACKED_BYTES = 8L * 1024 * 1024;
    /** Headers that would make a module run code of its own when installed. */
    private static final java.util.Set<String> CODE_HEADERS = java.util.Set.of(Constants.BUNDLE_ACTIVATOR,
            "Service-Component", Constants.BUNDLE_NATIVECODE, Constants.BUNDLE_CLASSPATH, Constants.FRAGMENT_HOST);

    private RuleModuleBundles() {
    }

    /** @return the module the bundle carries, or empty if the bundle is not a rule module */
    static Optional<RuleModuleSource> read(Bundle bundle) throws IOException {
        String header = bundle.getHeaders().get(RuleModules.HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        ModuleHeader declared = ModuleHeader.parse(header);
        String origin = "bundle " + bundle.getBundleId() + " (" + bundle.getSymbolicName() + ")";
        return Optional.of(new RuleModuleSource(declared.id(), bundle.getVersion().toString(), declared.jurisdiction(),
                entries(bundle, RuleModules.DRL_FOLDER, "*.drl"), entries(bundle, TESTS_FOLDER, "*.properties"),
                origin));
    }

    /**
     * Reads a module jar that is not installed.
     *
     * @throws IllegalArgumentException if it is not a jar with the module header
     */
    static RuleModuleSource read(byte[] jar, String origin) throws IOException {
        Map<String, String> drl = new LinkedHashMap<>();
        Map<String, String> tests = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String header = main.getValue(RuleModules.HEADER);
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("not a rule module: the jar's manifest has no "
                        + RuleModules.HEADER + " header");
            }
            String version = main.getValue(Constants.BUNDLE_VERSION);
            if (main.getValue(Constants.BUNDLE_SYMBOLICNAME) == null || version == null) {
                throw new IllegalArgumentException("not a bundle: the manifest needs Bundle-SymbolicName and Bundle-Version");
            }
            for (String code : CODE_HEADERS) {
                if (main.getValue(code) != null) {
                    throw new IllegalArgumentException("a rule module carries DRL only: the manifest has " + code);
                }
            }
            int entries = 0;
            long unpacked = 0;
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                String name = entry.getName();
                if (++entries > MAX_ENTRIES) {
                    throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries in the jar");
                }
                if (name.endsWith(".class")) {
                    throw new IllegalArgumentException("a rule module carries DRL only: the jar has " + name);
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - unpacked + 1));
                unpacked += content.length;
                if (unpacked > MAX_UNPACKED_BYTES) {
                    throw new IllegalArgumentException("the jar unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
                }
                if (name.startsWith(TESTS_FOLDER + "/") && name.endsWith(".properties")) {
                    tests.put("/" + name, new String(content, StandardCharsets.UTF_8));
                } else if (name.startsWith(RuleModules.DRL_FOLDER + "/") && name.endsWith(".drl")) {
                    drl.put("/" + name, new String(content, StandardCharsets.UTF_8));
                }
            }
            ModuleHeader declared = ModuleHeader.parse(header);
            return new RuleModuleSource(declared.id(), version.strip(), declared.jurisdiction(), drl, tests, origin);
        }
    }

    /** The module id a jar declares, without reading the rest. */
    static String moduleId(Bundle bundle) {
        String header = bundle.getHeaders().get(RuleModules.HEADER);
        return header == null || header.isBlank() ? null : ModuleHeader.parse(header).id();
    }

    private static Map<String, String> entries(Bundle bundle, String folder, String pattern) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Enumeration<URL> entries = bundle.findEntries(folder, pattern, true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            if (pattern.equals("*.drl") || entry.getPath().startsWith("/" + TESTS_FOLDER)) {
                try (InputStream in = entry.openStream()) {
                    files.put(entry.getPath(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
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
