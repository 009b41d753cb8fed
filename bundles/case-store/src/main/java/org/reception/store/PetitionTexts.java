package org.reception.store;

import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reception.cases.spi.CaseTexts.CaseText;
import org.reception.cases.spi.ListScope;

/** The titles and contents of the cases a caller may read, for the hot topics: never a party's data. */
final class PetitionTexts {

    /**
     * The characters of a content read: a petition states its matter first, and 20,000 long contents
     * would otherwise make one question read 400 million characters.
     */
    static final int CONTENT_READ = 2_000;

    private PetitionTexts() {
    }

    static List<CaseText> texts(Connection connection, String prefix, Instant from, Instant to, ListScope scope,
                                int limit) throws SQLException {
        List<PetitionListing.Binder> parameters = new ArrayList<>();
        String where = PetitionListing.scoped(scope, parameters)
                + " AND p.jurisdiction LIKE ? AND p.received_at >= ? AND p.received_at < ?";
        parameters.add((s, i) -> s.setString(i, prefix + "%"));
        parameters.add((s, i) -> setInstant(s, i, from));
        parameters.add((s, i) -> setInstant(s, i, to));
        List<CaseText> texts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT p.id, p.registration_number, p.jurisdiction, p.received_at, p.category, p.title,"
                        + " CAST(SUBSTR(p.content, 1, " + CONTENT_READ + ") AS VARCHAR(" + CONTENT_READ + ")) AS content"
                        + " FROM petition p WHERE " + where + " ORDER BY p.received_at DESC FETCH FIRST ? ROWS ONLY")) {
            select.setInt(PetitionListing.bind(select, 1, parameters), limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.add(new CaseText(rows.getString("id"), rows.getString("registration_number"),
                            rows.getString("jurisdiction").strip(), instant(rows, "received_at"),
                            rows.getString("category"), rows.getString("title"), rows.getString("content")));
                }
            }
        }
        return texts;
    }
}
