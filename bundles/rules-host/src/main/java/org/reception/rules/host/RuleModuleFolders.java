package org.reception.rules.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a rule module from a folder of {@code .drl} files: how rule authors test their module
 * before it is packaged, and how plain DRL dropped by an administrator becomes a module.
 */
public final class RuleModuleFolders {

    private RuleModuleFolders() {
    }

    public static RuleModuleSource read(Path folder, String id, String version, String jurisdiction) {
        Map<String, String> drl = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                drl.put(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule module folder " + folder, e);
        }
        return new RuleModuleSource(id, version, jurisdiction, drl, "folder " + folder);
    }
}
