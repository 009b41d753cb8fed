package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reception.cases.Petition;
import org.reception.cases.statistics.RollupCheck;

/**
 * A Derby database written by the release before the store had a migration folder per database
 * (kept as a fixture: two registrations, sealed personal data, a sealed audit chain, and its key
 * file) opens with today's store: Flyway finds every applied migration unchanged, and the cases
 * read as they were written.
 */
class DerbyUpgradeTest {

    private static final String FIXTURE = "/fixtures/derby-before-dialects.zip";
    private static final String FIRST_ID = "833e77f2-a5cd-4d7c-a531-730ec7981e1c";
    private static final String SECOND_ID = "20188344-e76d-43fc-9c53-8d3fed20c7e4";

    @TempDir
    Path folder;

    @Test
    void aDatabaseOfThePreviousReleaseMigratesCleanlyAndReadsAsItWasWritten() throws Exception {
        unzip(FIXTURE, folder);
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("reception").toString());
        List<String> before = history(dataSource);
        assertEquals(11, before.size(), "the fixture is at version 11: " + before);
        // A case the release before had given two co-units, in the one joined column it had for them.
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement update = connection.prepareStatement("UPDATE petition SET co_units = ? WHERE id = ?")) {
            update.setString(1, "520103-GAJ\n520103-WJJ");
            update.setString(2, SECOND_ID);
            assertEquals(1, update.executeUpdate());
        }

        JdbcPetitionRepository repository = new JdbcPetitionRepository(dataSource,
                folder.resolve("reception-pii.keys"));
        try {
            List<String> after = history(dataSource);
            assertEquals(before, after.subList(0, before.size()), "no migration ran again, failed, or was found changed");
            assertTrue(after.subList(before.size(), after.size()).stream().allMatch(row -> row.endsWith(" true")),
                    "the release's own migrations succeeded: " + after);
            Petition first = repository.findById(FIRST_ID).orElseThrow();
            assertEquals("520102-2026-000001", first.registrationNumber());
            assertEquals("升级前登记", first.title());
            assertEquals("11010519491231002X", first.petitioners().get(0).residentId(), "sealed before, opened now");
            assertEquals("520103", repository.findById(SECOND_ID).orElseThrow().jurisdiction());
            assertEquals(1, repository.audit(FIRST_ID).size());
            assertTrue(repository.verifyAudit().intact(), "the chain sealed before the upgrade is intact");

            Petition again = new Petition(null, null, first.channel(), first.type(), first.category(), "升级后登记",
                    first.content(), first.jurisdiction(), first.receivedAt(), first.petitioners(), first.accused(),
                    first.confidential(), List.of(), first.status(), first.routing(), first.confidentiality(),
                    first.escalations(), first.handling(), first.deadlines(), List.of(), 0);
            Petition next = repository.create(again, "CODE-B", "clerk", Instant.parse("2026-06-01T02:00:00Z"));
            assertEquals("520102-2026-000002", next.registrationNumber(), "the county's count goes on");
            repository.sealAudit();
            assertTrue(repository.verifyAudit().intact());
            // Its co-units are rows of their own now (V21), and a co-unit finds the case by them.
            assertEquals(List.of("520103-GAJ", "520103-WJJ"), coUnits(dataSource, SECOND_ID));
            org.reception.cases.spi.ListScope coUnit = new org.reception.cases.spi.ListScope(java.util.Set.of(),
                    java.util.Set.of(new org.reception.cases.spi.ListScope.Unit("520103-WJJ", java.util.Set.of("520103-WJJ"))),
                    java.util.Set.of("520103-WJJ"));
            assertEquals(java.util.Map.of("520103", 1L), repository.figures("5201", new org.reception.cases.statistics.Period(
                    java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31)),
                    org.reception.cases.statistics.Dimension.DIVISION, coUnit, java.time.LocalDate.of(2026, 6, 1),
                    java.time.LocalDate.of(2026, 6, 1)).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    java.util.Map.Entry::getKey, row -> row.getValue().registered())));
            // The cases stored before the statistics' rollup are counted into it at the first start.
            RollupCheck rollup = repository.checkRollup();
            assertTrue(rollup.exact(), rollup.toString());
            assertEquals(3, rollup.cases());
        } finally {
            repository.deactivate();
        }
    }

    private static List<String> coUnits(EmbeddedDataSource dataSource, String id) throws SQLException {
        List<String> units = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); java.sql.PreparedStatement select = connection.prepareStatement(
                "SELECT unit_code FROM petition_co_unit WHERE petition_id = ? ORDER BY unit_code")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    units.add(row.getString(1));
                }
            }
        }
        return units;
    }

    /** Version, checksum and success of every migration the database recorded. */
    private static List<String> history(EmbeddedDataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT \"version\", \"checksum\", \"success\" FROM \"SCHEMA_HISTORY\" ORDER BY \"installed_rank\"")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getInt(2) + " " + row.getBoolean(3));
            }
        }
        return rows;
    }

    private static void unzip(String resource, Path into) throws IOException {
        try (InputStream in = DerbyUpgradeTest.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }
}
