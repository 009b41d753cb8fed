package org.reception.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionSummary;

/**
 * The {@code after} of the petition lists: where the next page starts, as an opaque token of the
 * last case's receipt time and id. Opaque, so that clients pass it on rather than build it, and the
 * list's order may change without breaking them.
 */
final class PageCursor {

    private static final int MAX_LENGTH = 200;

    private PageCursor() {
    }

    static String of(PetitionSummary last) {
        String plain = last.receivedAt() + " " + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The place a token names, or {@code null} if it is not one the API gave. */
    static PetitionQuery.After parse(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int space = plain.indexOf(' ');
            if (space < 0 || space == plain.length() - 1 || !plain.substring(space + 1).matches("[A-Za-z0-9-]{1,64}")) {
                return null;
            }
            return new PetitionQuery.After(Instant.parse(plain.substring(0, space)), plain.substring(space + 1));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            return null;
        }
    }
}
