package org.reception.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Rule modules as a county engineer ships them: a bundle of DRL with the module header. */
final class RuleModuleJars {

    private RuleModuleJars() {
    }

    /** Writes the module's jar to {@code jar}, whole at once, as FileInstall must see it. */
    static void write(Path jar, String id, String version, String jurisdiction, String drl) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.rules." + id);
        main.putValue("Bundle-Version", version);
        main.putValue("Reception-Rule-Module", id + ";jurisdiction=" + jurisdiction);
        Path staged = Files.createTempFile(jar.getParent().getParent(), id, ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(staged), manifest)) {
            out.putNextEntry(new JarEntry("rules/routing.drl"));
            out.write(drl.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(staged, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A module that routes every health petition of its county to {@code unit}. */
    static String healthTo(String unit) {
        return """
                package org.reception.rules.test
                import org.reception.cases.Category
                import org.reception.rules.PetitionFact
                import org.reception.rules.Routing
                rule "Health to the district health bureau"
                when
                    PetitionFact( category == Category.HEALTH )
                then
                    insert( new Routing( "%s", "区卫生健康局", "属地管理" ) );
                end
                """.formatted(unit);
    }
}
