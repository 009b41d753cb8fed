package org.reception.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Petitioners' identity numbers, phones and addresses at rest: sealed with AES-GCM (authenticated)
 * under a key kept outside the database, in a key file an administrator can rotate; identity
 * numbers also indexed by an HMAC-SHA256 under a key of its own, so that a search by number still
 * works without the number in the database. A sealed value reads {@code <key id>:<base64 of IV and
 * ciphertext>}; every key ever current stays in the file so that older values can be opened.
 *
 * <p>Key file (Java properties): {@code current = k3f9a…}, {@code k3f9a… = <base64 AES-256 key>},
 * {@code index = <base64 HMAC key>}. It is created with fresh random keys, readable by its owner
 * only, when absent. The index key cannot be rotated without re-indexing.
 */
final class PersonalData {

    private static final String CURRENT = "current";
    private static final String INDEX = "index";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern CURRENT_LINE = Pattern.compile("^\\s*" + CURRENT + "\\s*[=:].*");

    private final SecureRandom random = new SecureRandom();
    /** Every key ever current; a rotation adds one before any value is sealed under it. */
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();
    private volatile String current;
    private final SecretKeySpec indexKey;
    /**
     * Held (shared) by every transaction that seals values, from the first seal to its commit; a
     * rotation takes it exclusively to switch keys, so that no value sealed under the old key
     * commits after the switch.
     */
    private final ReentrantReadWriteLock sealing = new ReentrantReadWriteLock();

    private PersonalData(Properties file) {
        this.current = file.getProperty(CURRENT);
        for (String name : file.stringPropertyNames()) {
            if (!name.equals(CURRENT) && !name.equals(INDEX)) {
                keys.put(name, new SecretKeySpec(Base64.getDecoder().decode(file.getProperty(name).strip()), "AES"));
            }
        }
        if (current == null || !keys.containsKey(current) || file.getProperty(INDEX) == null) {
            throw new IllegalStateException("the key file names no current key, or has no index key");
        }
        this.indexKey = new SecretKeySpec(Base64.getDecoder().decode(file.getProperty(INDEX).strip()), "HmacSHA256");
    }

    /**
     * The keys in {@code file}, created there with fresh random keys if it does not exist. Only for
     * a database that holds nothing sealed: {@link KeyGuard} decides.
     */
    static PersonalData keys(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be written", e);
        }
    }

    /** The keys in an existing {@code file}. */
    static PersonalData read(Path file) {
        try {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            return new PersonalData(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be read", e);
        }
    }

    /**
     * A fresh key id: {@code k} and 16 hexadecimal digits, random, so that key files of different
     * installations or restores can be merged without two keys of one name; nothing a SQL
     * {@code LIKE} reads as a wildcard.
     */
    static String newKeyId(SecureRandom random) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return "k" + HexFormat.of().formatHex(id);
    }

    private static void create(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        String id = newKeyId(random);
        byte[] aes = new byte[32];
        byte[] hmac = new byte[32];
        random.nextBytes(aes);
        random.nextBytes(hmac);
        Files.createDirectories(file.toAbsolutePath().getParent());
        write(file, "# Keys of the petitioners' personal data at rest. Keep this file out of the database's backups\n"
                + "# and back it up on its own: without it the sealed data cannot be read. Rotate with the shell\n"
                + "# command reception:rotate-personal-data-key; it keeps the old keys until nothing needs them.\n"
                + "# Key ids are random, so that the files of two installations never name two keys alike.\n"
                + CURRENT + " = " + id + "\n" + id + " = " + Base64.getEncoder().encodeToString(aes) + "\n"
                + INDEX + " = " + Base64.getEncoder().encodeToString(hmac) + "\n");
    }

    /** Replaces the file at once with content readable by its owner only. */
    private static void write(Path file, String content) throws IOException {
        Path staged = Files.createTempFile(file.toAbsolutePath().getParent(), "keys", ".tmp");
        try {
            Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions protect it
        }
        try (Writer out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
            out.write(content);
        }
        Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes a key file's text as {@code file}, which does not exist, after checking that it is one. */
    static void restore(Path file, String text) {
        try {
            Properties keys = new Properties();
            keys.load(new java.io.StringReader(text));
            new PersonalData(keys);
            Files.createDirectories(file.toAbsolutePath().getParent());
            write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be written", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the backup is not a whole key file: " + e.getMessage());
        }
    }

    /**
     * Adds to {@code file} the keys of {@code other} (a key file's text) that it does not hold, in
     * one replacement of the file; its current key stays current. Never at once with a rotation.
     *
     * @return the ids of the keys added
     * @throws IllegalArgumentException when {@code other} has another index key, or names a key the
     *                                  file holds with other material; nothing is written then
     */
    static synchronized List<String> merge(Path file, String other) {
        try {
            Properties theirs = new Properties();
            theirs.load(new java.io.StringReader(other));
            Properties ours = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ours.load(in);
            }
            if (theirs.getProperty(INDEX) == null || !theirs.getProperty(INDEX).strip().equals(
                    String.valueOf(ours.getProperty(INDEX)).strip())) {
                throw new IllegalArgumentException("the backup has another index key: it is another installation's,"
                        + " whose identity numbers this one cannot search; nothing was imported");
            }
            List<String> added = new java.util.ArrayList<>();
            StringBuilder lines = new StringBuilder();
            for (String id : new java.util.TreeSet<>(theirs.stringPropertyNames())) {
                if (id.equals(CURRENT) || id.equals(INDEX)) {
                    continue;
                }
                String material = theirs.getProperty(id).strip();
                String held = ours.getProperty(id);
                if (held != null && !held.strip().equals(material)) {
                    throw new IllegalArgumentException("the backup names key " + id + " with other material than the"
                            + " key file: nothing was imported");
                }
                if (held == null) {
                    added.add(id);
                    lines.append(id).append(" = ").append(material).append('\n');
                }
            }
            if (!added.isEmpty()) {
                write(file, Files.readString(file, StandardCharsets.UTF_8).stripTrailing() + "\n"
                        + "# Imported from a backup.\n" + lines);
            }
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be merged", e);
        }
    }

    /** The id of the key new values are sealed with. */
    String currentKey() {
        return current;
    }

    /** The ids of all keys in the file. */
    Set<String> keyIds() {
        return Set.copyOf(keys.keySet());
    }

    /** To hold around a transaction that seals values, up to its commit. */
    Lock sealingLock() {
        return sealing.readLock();
    }

    /** Whether a stored value is sealed under the current key already. */
    boolean isCurrent(String sealed) {
        return sealed == null || sealed.startsWith(current + ":");
    }

    /**
     * Adds a fresh random key to the file and makes it current; the older keys stay, to open what
     * they sealed. The file is replaced at once, never half written. Values being sealed under the
     * old key are committed before the switch.
     *
     * @return the id of the new key
     */
    String rotate(Path file) {
        // The class's lock, which merge takes too: a rotation and an import never rewrite the file at once.
        synchronized (PersonalData.class) {
            return rotateLocked(file);
        }
    }

    private String rotateLocked(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String next = newKeyId(random);
            byte[] aes = new byte[32];
            random.nextBytes(aes);
            StringBuilder content = new StringBuilder();
            for (String line : lines) {
                content.append(CURRENT_LINE.matcher(line).matches() ? CURRENT + " = " + next : line).append('\n');
            }
            content.append(next).append(" = ").append(Base64.getEncoder().encodeToString(aes)).append('\n');
            write(file, content.toString());
            keys.put(next, new SecretKeySpec(aes, "AES"));
            sealing.writeLock().lock();
            try {
                current = next;
            } finally {
                sealing.writeLock().unlock();
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " cannot be rotated", e);
        }
    }

    String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return current + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be sealed", e);
        }
    }

    String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("personal data sealed with a key the key file does not hold");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data was altered or sealed with another key", e);
        }
    }

    /** The searchable stand-in of an identity number: equal numbers, equal indexes; nothing else. */
    String index(String residentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(residentId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an identity number cannot be indexed", e);
        }
    }
}
