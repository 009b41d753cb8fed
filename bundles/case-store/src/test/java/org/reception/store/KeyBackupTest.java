package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backing up and restoring the key file: a database restored from before a rotation whose old key
 * was removed reads again once the backup's keys are imported; a lost key file is restored.
 */
class KeyBackupTest {

    private static final char[] PASSPHRASE = "a long passphrase 7".toCharArray();

    @TempDir
    Path folder;

    @Test
    void importingABackupMergesItsKeysAndTheRestoredDatabaseReadsAgain() throws Exception {
        DataSource dataSource = TestDatabase.fresh(folder);
        Path keyFile = folder.resolve("reception-pii.keys");
        JdbcPetitionRepository repository = new JdbcPetitionRepository(dataSource, keyFile);
        String id = JdbcPetitionRepositoryTest.createIn(repository, "520102", "备份之前").id();
        KeyFileAdministration administration = new KeyFileAdministration(keyFile);
        String first = administration.currentKey();
        Path backup = folder.resolve("keys.backup");
        administration.export(backup, PASSPHRASE);
        assertFalse(Files.readString(backup).contains(Files.readString(keyFile).lines()
                .filter(line -> line.startsWith(first + " = ")).findFirst().orElseThrow().substring(first.length() + 3)),
                "the backup does not hold the key in the clear");
        String[] sealedBefore = sealed(dataSource);

        repository.rotate();
        repository.deactivate();
        // The operator removes the retired key, then the database is restored from before the rotation.
        Files.writeString(keyFile, Files.readString(keyFile).lines().filter(line -> !line.startsWith(first + " = "))
                .reduce("", (all, line) -> all + line + "\n"));
        restore(dataSource, sealedBefore);
        assertThrows(IllegalStateException.class, () -> new JdbcPetitionRepository(dataSource, keyFile),
                "the store refuses the key file that lacks the restored rows' key");

        assertThrows(IllegalArgumentException.class, () -> administration.importKeys(backup,
                "the wrong passphrase".toCharArray()));
        assertEquals(List.of(first), administration.importKeys(backup, PASSPHRASE));
        assertEquals(List.of(), administration.importKeys(backup, PASSPHRASE), "importing again adds nothing");

        JdbcPetitionRepository restarted = new JdbcPetitionRepository(dataSource, keyFile);
        try {
            assertEquals("11010519491231002X", restarted.findById(id).orElseThrow().petitioners().get(0).residentId());
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void aLostKeyFileIsRestoredFromItsBackupAndAnotherInstallationsIsRefused() throws Exception {
        Path keyFile = folder.resolve("reception-pii.keys");
        PersonalData.keys(keyFile);
        KeyFileAdministration administration = new KeyFileAdministration(keyFile);
        Path backup = folder.resolve("keys.backup");
        administration.export(backup, PASSPHRASE);
        String original = Files.readString(keyFile);
        assertThrows(IllegalArgumentException.class, () -> administration.export(backup, PASSPHRASE),
                "a backup is never overwritten");
        assertThrows(IllegalArgumentException.class, () -> administration.export(folder.resolve("short"),
                "short".toCharArray()));

        Files.delete(keyFile);
        administration.importKeys(backup, PASSPHRASE);
        assertEquals(original, Files.readString(keyFile));

        Path otherFile = folder.resolve("other").resolve("reception-pii.keys");
        PersonalData.keys(otherFile);
        Path otherBackup = folder.resolve("other.backup");
        new KeyFileAdministration(otherFile).export(otherBackup, PASSPHRASE);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> administration.importKeys(otherBackup, PASSPHRASE));
        assertTrue(refused.getMessage().contains("another installation"), refused.getMessage());
        assertEquals(original, Files.readString(keyFile), "nothing changed");
    }

    private static String[] sealed(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT resident_id_sealed, phone_sealed, address_sealed FROM petitioner")) {
            row.next();
            return new String[] {row.getString(1), row.getString(2), row.getString(3)};
        }
    }

    private static void restore(DataSource dataSource, String[] sealed) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE petitioner SET resident_id_sealed = ?, phone_sealed = ?, address_sealed = ?")) {
            for (int i = 0; i < 3; i++) {
                update.setString(i + 1, sealed[i]);
            }
            update.executeUpdate();
        }
    }
}
