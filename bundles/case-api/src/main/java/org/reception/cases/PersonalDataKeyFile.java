package org.reception.cases;

import java.nio.file.Path;
import java.util.List;

/**
 * The key file of the petitioners' personal data, for the administrator who backs it up and
 * restores it: works on the file alone, also while the store refuses to start for want of a key.
 */
public interface PersonalDataKeyFile {

    /** The keys in the file, the current one first. */
    List<String> keyIds();

    /** Which key is current. */
    String currentKey();

    /**
     * Writes every key of the file, encrypted under a passphrase (PBKDF2 and AES-256-GCM), to
     * {@code backup}, which must not exist yet.
     *
     * @throws IllegalArgumentException when the passphrase is shorter than 12 characters or the backup exists
     */
    void export(Path backup, char[] passphrase);

    /**
     * Adds the keys of a backup that the file does not hold; the current key stays current. Without
     * a key file, the backup becomes the key file. A backup of another installation (another index
     * key), or one that names a held key with other material, is refused and nothing changes.
     * Restart the platform afterwards: the store reads the key file when it starts.
     *
     * @return the ids of the keys added
     * @throws IllegalArgumentException when the passphrase is wrong, the backup unreadable or of another installation
     */
    List<String> importKeys(Path backup, char[] passphrase);
}
