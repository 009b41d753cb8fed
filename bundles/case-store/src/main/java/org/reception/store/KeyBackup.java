package org.reception.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key file encrypted under a passphrase, to be kept apart from the database's backups: PBKDF2
 * with HMAC-SHA256 (310,000 iterations, a random salt) derives an AES-256 key that seals the file's
 * text with GCM. The backup reads {@code reception-keys-v1}, then the salt, then IV and ciphertext,
 * each on a line of Base64.
 */
final class KeyBackup {

    static final String HEADER = "reception-keys-v1";
    static final int MIN_PASSPHRASE = 12;
    private static final int ITERATIONS = 310_000;

    private KeyBackup() {
    }

    static String seal(String keyFile, char[] passphrase) {
        requireLength(passphrase);
        try {
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[16];
            byte[] iv = new byte[12];
            random.nextBytes(salt);
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(keyFile.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return HEADER + "\n" + Base64.getEncoder().encodeToString(salt) + "\n"
                    + Base64.getEncoder().encodeToString(out) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key backup cannot be sealed", e);
        }
    }

    /** @throws IllegalArgumentException for a wrong passphrase or something that is not a key backup */
    static String open(String backup, char[] passphrase) {
        String[] lines = backup.strip().split("\\R");
        if (lines.length != 3 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a key backup of this platform (it must begin " + HEADER + ")");
        }
        try {
            byte[] salt = Base64.getDecoder().decode(lines[1]);
            byte[] in = Base64.getDecoder().decode(lines[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the passphrase is wrong, or the backup was altered");
        }
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }

    private static void requireLength(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("a backup's passphrase has at least " + MIN_PASSPHRASE + " characters");
        }
    }
}
