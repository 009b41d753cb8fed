package org.reception.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Rule modules as a county engineer ships them: a bundle of DRL (and test cases) with the module header. */
final class RuleModuleJars {

    static final String HEAD = """
            package org.reception.rules.test
            import org.reception.cases.Category
            import org.reception.cases.Priority
            import org.reception.rules.PetitionFact
            import org.reception.rules.Routing
            """;

    private RuleModuleJars() {
    }

    /** Writes the module's jar to {@code jar}, whole at once, as FileInstall must see it. */
    static void write(Path jar, String id, String version, String jurisdiction, String drl) throws IOException {
        write(jar, bytes(id, version, jurisdiction, Map.of("rules/routing.drl", drl)));
    }

    static void write(Path jar, byte[] content) throws IOException {
        Path staged = Files.createTempFile(jar.getParent().getParent(), "module", ".jar");
        Files.write(staged, content);
        Files.move(staged, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A module jar with these entries (path in the jar to text), e.g. {@code rules/routing.drl}. */
    static byte[] bytes(String id, String version, String jurisdiction, Map<String, String> entries)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.rules." + id);
        main.putValue("Bundle-Version", version);
        main.putValue("Reception-Rule-Module", id + ";jurisdiction=" + jurisdiction);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar.toByteArray();
    }

    /** A module that routes every health petition of its county to {@code unit}. */
    static String healthTo(String unit) {
        return HEAD + """
                rule "Health to the district health bureau"
                when
                    PetitionFact( category == Category.HEALTH )
                then
                    insert( new Routing( "%s", "区卫生健康局", "属地管理" ) );
                end
                """.formatted(unit);
    }
}
