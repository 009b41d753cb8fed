package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reception.cases.spi.RuleModuleLedger.State;
import org.reception.cases.spi.RuleModuleLedger.Version;

/** The rules host's durable record of module versions, on the database the suite runs on. */
class RuleModuleLedgerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final byte[] V1_FILES = "v1 files".getBytes(StandardCharsets.UTF_8);
    private static final byte[] V2_FILES = "v2 files".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private JdbcPetitionRepository store;

    @BeforeEach
    void openDatabase() {
        DataSource dataSource = TestDatabase.fresh(folder);
        store = new JdbcPetitionRepository(dataSource, folder.resolve("reception-pii.keys"));
    }

    @AfterEach
    void close() {
        store.deactivate();
    }

    @Test
    void recordsAJurisdictionsVersionsAndReadsThemBackWithTheirFiles() {
        store.record("520102", List.of(version("v1", State.ACTIVE, 0, V1_FILES)));
        store.record("52", List.of(version("52", "p1", State.ACTIVE, 0, V1_FILES)));
        store.record("520102", List.of(version("v2", State.ACTIVE, 0, V2_FILES), version("v1", State.KEPT, 0, null)));

        Map<String, Version> nanming = byFingerprint("520102");
        assertEquals(State.ACTIVE, nanming.get(fingerprint("v2")).state());
        assertArrayEquals(V2_FILES, nanming.get(fingerprint("v2")).files());
        assertEquals(State.KEPT, nanming.get(fingerprint("v1")).state());
        assertArrayEquals(V1_FILES, nanming.get(fingerprint("v1")).files(), "a kept version keeps its files");
        assertEquals("deploy/nanming.jar", nanming.get(fingerprint("v1")).source());
        assertEquals(1, byFingerprint("52").size(), "another jurisdiction's record is its own");
    }

    @Test
    void aVersionSetAsideLosesItsFilesAndOneNotGivenIsRemoved() {
        store.record("520102", List.of(version("v1", State.ACTIVE, 0, V1_FILES)));
        store.record("520102", List.of(version("v2", State.ACTIVE, 0, V2_FILES), version("v1", State.KEPT, 0, null)));
        store.record("520102", List.of(version("v1", State.ACTIVE, 0, null), version("v2", State.SET_ASIDE, 0, null)));

        Map<String, Version> nanming = byFingerprint("520102");
        assertArrayEquals(V1_FILES, nanming.get(fingerprint("v1")).files());
        assertNull(nanming.get(fingerprint("v2")).files(), "a version set aside is never compiled again");

        store.record("520102", List.of(version("v1", State.ACTIVE, 0, null)));
        assertEquals(List.of(fingerprint("v1")), List.copyOf(byFingerprint("520102").keySet()));
    }

    @Test
    void aRefusalIsRecordedWithoutFilesAndItsReasonBounded() {
        Version refused = new Version("520102", fingerprint("bad"), "nanming", "bad", "file deploy/x.drl",
                "deploy/x.drl", State.REFUSED, 0, 0, NOW, "x".repeat(5000), null);
        store.record("520102", List.of(refused));

        Version read = byFingerprint("520102").get(fingerprint("bad"));
        assertEquals(RuleModuleVersions.REFUSAL_LENGTH, read.refusal().length());
        assertNull(read.files());
        assertEquals(NOW, read.changedAt());
    }

    private Map<String, Version> byFingerprint(String jurisdiction) {
        return store.versions().stream().filter(v -> v.jurisdiction().equals(jurisdiction))
                .collect(Collectors.toMap(Version::fingerprint, Function.identity()));
    }

    private static Version version(String name, State state, int position, byte[] files) {
        return version("520102", name, state, position, files);
    }

    private static Version version(String jurisdiction, String name, State state, int position, byte[] files) {
        return new Version(jurisdiction, fingerprint(name), "nanming", name, "bundle 57 (nanming)", "deploy/nanming.jar",
                state, position, 4, NOW, null, files);
    }

    private static String fingerprint(String name) {
        return String.format("%-64s", name).replace(' ', '0');
    }
}
