package org.reception.cases.access;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The account name and password of an HTTP {@code Authorization: Basic} header (RFC 7617, UTF-8). */
public record BasicCredentials(String name, String password) {

    /** What every face answers a request it does not sign in with ({@code WWW-Authenticate}): one realm for all. */
    public static final String CHALLENGE = "Basic realm=\"reception\", charset=\"UTF-8\"";

    private static final String SCHEME = "basic ";
    private static final int MAX_HEADER = 1_024;

    /** The credentials of the header; empty if it is not a well-formed Basic header. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(header.substring(SCHEME.length()).strip());
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
            int colon = text.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1)));
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + name + "]";
    }
}
