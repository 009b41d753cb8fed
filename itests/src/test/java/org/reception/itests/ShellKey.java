package org.reception.itests;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The test administrator's SSH key, made once per test run: the shell takes keys only. The public
 * key in the form {@code etc/keys.properties} takes (the Base64 of an OpenSSH {@code ssh-rsa} key),
 * the private one as PKCS#8 PEM for {@code bin/client -k}.
 */
final class ShellKey {

    static final String FILE = "itest-shell-key.pem";
    private static final KeyPair KEYS = generate();

    private ShellKey() {
    }

    static String publicKey() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(blob)) {
            for (byte[] part : new byte[][] {"ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                    key.getPublicExponent().toByteArray(), key.getModulus().toByteArray()}) {
                out.writeInt(part.length);
                out.write(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    static String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
