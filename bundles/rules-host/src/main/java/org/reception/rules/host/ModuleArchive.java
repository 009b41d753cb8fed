package org.reception.rules.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.reception.rules.admin.RuleModuleSource;

/**
 * A module's files packed for the ledger: its DRL under {@code drl/}, its test cases under
 * {@code tests/}, by the paths they had. What a restart compiles a version from when its own
 * source no longer carries it (a bundle updated in place, a rolled-back version).
 */
final class ModuleArchive {

    private static final String DRL = "drl/";
    private static final String TESTS = "tests/";

    private ModuleArchive() {
    }

    static byte[] pack(RuleModuleSource source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, DRL, source.drl());
            put(zip, TESTS, source.tests());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @param origin where the version first came from */
    static RuleModuleSource unpack(byte[] files, String id, String version, String jurisdiction, String origin) {
        Map<String, String> drl = new TreeMap<>();
        Map<String, String> tests = new TreeMap<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readNBytes((int) (RuleModuleBundles.MAX_UNPACKED_BYTES - unpacked + 1));
                unpacked += content.length;
                if (unpacked > RuleModuleBundles.MAX_UNPACKED_BYTES) {
                    throw new IllegalArgumentException("the recorded files of " + id + " " + version + " are too large");
                }
                String name = entry.getName();
                String text = new String(content, StandardCharsets.UTF_8);
                if (name.startsWith(DRL)) {
                    drl.put(name.substring(DRL.length()), text);
                } else if (name.startsWith(TESTS)) {
                    tests.put(name.substring(TESTS.length()), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleModuleSource(id, version, jurisdiction, drl, tests, origin);
    }

    private static void put(ZipOutputStream zip, String folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            zip.putNextEntry(new ZipEntry(folder + file.getKey()));
            zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
