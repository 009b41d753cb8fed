package org.reception.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;

/**
 * Refuses a path or query whose percent-escapes are not UTF-8. Decoded leniently they would turn
 * into replacement characters and be searched for or stored as if the client had meant them.
 */
@PreMatching
final class Utf8Parameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (!decodesAsUtf8(path) || !decodesAsUtf8(query)) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("", "the URL's percent-escapes must be UTF-8")));
        }
    }

    static boolean decodesAsUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '%') {
                return false;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
