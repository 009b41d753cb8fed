package org.reception.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.reception.cases.PersonalDataKeyFile;

/**
 * Backs up and restores the key file ({@code etc/reception-pii.keys}) without the store, which may
 * be refusing to start for want of a key ({@link KeyGuard}).
 */
@Component(service = PersonalDataKeyFile.class)
public final class KeyFileAdministration implements PersonalDataKeyFile {

    private static final Logger LOG = LogManager.getLogger(KeyFileAdministration.class);

    private final Path keyFile;

    @Activate
    public KeyFileAdministration() {
        this(JdbcPetitionRepository.keyFileInEtc());
    }

    KeyFileAdministration(Path keyFile) {
        this.keyFile = keyFile;
    }

    @Override
    public List<String> keyIds() {
        PersonalData keys = existing();
        List<String> ids = new ArrayList<>(List.of(keys.currentKey()));
        keys.keyIds().stream().filter(id -> !id.equals(keys.currentKey())).sorted().forEach(ids::add);
        return ids;
    }

    @Override
    public String currentKey() {
        return existing().currentKey();
    }

    @Override
    public void export(Path backup, char[] passphrase) {
        existing();
        if (Files.exists(backup)) {
            throw new IllegalArgumentException(backup + " exists already: choose a new file for the backup");
        }
        try {
            String sealed = KeyBackup.seal(Files.readString(keyFile, StandardCharsets.UTF_8), passphrase);
            Files.writeString(backup, sealed, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's permissions protect it
            }
            LOG.info("Personal data keys {} exported to {}", keyIds(), backup);
        } catch (IOException e) {
            throw new UncheckedIOException("the key backup " + backup + " cannot be written", e);
        }
    }

    @Override
    public List<String> importKeys(Path backup, char[] passphrase) {
        String text;
        try {
            text = Files.readString(backup, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("the key backup " + backup + " cannot be read: " + e.getMessage());
        }
        String keys = KeyBackup.open(text, passphrase);
        if (!Files.exists(keyFile)) {
            PersonalData.restore(keyFile, keys);
            LOG.info("Personal data key file restored from {}: keys {}", backup, keyIds());
            return keyIds();
        }
        List<String> added = PersonalData.merge(keyFile, keys);
        LOG.info("Personal data keys imported from {}: {}", backup, added.isEmpty() ? "none new" : added);
        return added;
    }

    private PersonalData existing() {
        if (!Files.exists(keyFile)) {
            throw new IllegalArgumentException("there is no key file " + keyFile.getFileName()
                    + " in etc/ yet: restore it from its backup, or let the store create one on a database with"
                    + " nothing sealed");
        }
        return PersonalData.read(keyFile);
    }
}
