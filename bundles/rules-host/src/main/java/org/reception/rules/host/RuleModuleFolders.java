package org.reception.rules.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.reception.rules.RuleModules;
import org.reception.rules.admin.RuleModuleSource;

/**
 * Reads a rule module from its {@code rules} folder: the {@code .drl} files, and the test cases in
 * {@code tests/}. How rule authors test their module before it is packaged.
 */
public final class RuleModuleFolders {

    private RuleModuleFolders() {
    }

    public static RuleModuleSource read(Path folder, String id, String version, String jurisdiction) {
        return new RuleModuleSource(id, version, jurisdiction, files(folder, ".drl"),
                files(folder.resolve(RuleModules.TESTS_FOLDER), ".properties"), "folder " + folder);
    }

    private static Map<String, String> files(Path folder, String extension) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> found = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) found.filter(f -> f.toString().endsWith(extension))::iterator) {
                files.put(folder.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule module folder " + folder, e);
        }
        return files;
    }
}
