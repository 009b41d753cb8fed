package org.reception.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Whether the key file opens what the database holds, checked before the store serves: a lost or
 * wrong key file must stop the store, never be replaced by fresh keys over sealed data (which
 * would answer every existing case with an error, silently stop repeat detection, and make the
 * cases registered meanwhile unreadable once the old file is back).
 *
 * <p>The file fits when the database holds nothing sealed, or when it holds every key a stored
 * value names and its keys open a stored identity number whose index they also reproduce.
 */
final class KeyGuard {

    private static final Logger LOG = LogManager.getLogger(KeyGuard.class);

    private KeyGuard() {
    }

    /** The keys for the store; @throws IllegalStateException saying why, when they do not fit the database */
    static PersonalData open(DataSource dataSource, Path keyFile) {
        Optional<String> problem = problem(dataSource, keyFile);
        if (problem.isPresent()) {
            LOG.error("The store does not start: {}", problem.get());
            throw new IllegalStateException(problem.get());
        }
        return PersonalData.keys(keyFile);
    }

    /** Why the key file does not fit the database, if it does not. */
    static Optional<String> problem(DataSource dataSource, Path keyFile) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String[]> sample = sample(connection);
            if (!Files.exists(keyFile)) {
                return sample.map(found -> "the database holds sealed personal data but the key file "
                        + keyFile.getFileName() + " is missing from etc/: restore it from its backup and restart;"
                        + " no new key is made over sealed data");
            }
            PersonalData keys;
            try {
                keys = PersonalData.read(keyFile);
            } catch (RuntimeException e) {
                return Optional.of("the key file " + keyFile.getFileName() + " cannot be read: " + e.getMessage());
            }
            int unknown = sealedUnderOtherKeys(connection, keys.keyIds());
            if (unknown > 0) {
                return Optional.of(unknown + " petitioner row(s) are sealed under a key the key file "
                        + keyFile.getFileName() + " does not hold: restore the key file that holds it, and restart");
            }
            if (sample.isPresent()) {
                String opened;
                try {
                    opened = keys.open(sample.get()[0]);
                } catch (IllegalStateException e) {
                    return Optional.of("the key file " + keyFile.getFileName() + " does not open the stored personal"
                            + " data (" + e.getMessage() + "): it is not this database's key file");
                }
                if (!keys.index(opened).equals(sample.get()[1])) {
                    return Optional.of("the key file " + keyFile.getFileName() + " has another index key than the"
                            + " one the stored identity numbers were indexed with: it is not this database's key file");
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("the database could not be read to check the personal data keys: " + e.getMessage());
        }
    }

    /** One stored sealed identity number and its index, if any is stored. */
    private static Optional<String[]> sample(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT resident_id_sealed, resident_id_index"
                + " FROM petitioner WHERE resident_id_sealed IS NOT NULL FETCH FIRST 1 ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new String[] {row.getString(1), row.getString(2)}) : Optional.empty();
        }
    }

    /** How many rows hold a value sealed under none of these keys. */
    private static int sealedUnderOtherKeys(Connection connection, Iterable<String> keyIds) throws SQLException {
        List<String> ids = new ArrayList<>();
        keyIds.forEach(ids::add);
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM petitioner WHERE");
        String[] columns = {"resident_id_sealed", "phone_sealed", "address_sealed"};
        for (int c = 0; c < columns.length; c++) {
            sql.append(c == 0 ? " (" : " OR (").append(columns[c]).append(" IS NOT NULL");
            for (int i = 0; i < ids.size(); i++) {
                sql.append(" AND ").append(columns[c]).append(" NOT LIKE ?");
            }
            sql.append(')');
        }
        try (PreparedStatement count = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (int c = 0; c < columns.length; c++) {
                for (String id : ids) {
                    count.setString(index++, id + ":%");
                }
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
