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
import java.util.UUID;

import org.reception.cases.OutboxMessage;
import org.reception.cases.Petition;
import org.reception.cases.spi.PetitionRepository.Delivery;

/** The outbox table: deliveries to county systems, and how each attempt went. */
final class Outbox {

    private static final int ERROR_LENGTH = 1000;

    private Outbox() {
    }

    static void put(Connection connection, Petition petition, List<Delivery> deliveries, Instant now)
            throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_message (idempotency_key, destination, petition_id, registration_number, kind,"
                        + " status, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)")) {
            for (Delivery delivery : deliveries) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, delivery.destination());
                insert.setString(3, petition.id());
                insert.setString(4, petition.registrationNumber());
                insert.setString(5, delivery.kind());
                setInstant(insert, 6, now);
                setInstant(insert, 7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<OutboxMessage> due(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY")) {
            setInstant(select, 1, now);
            select.setInt(2, limit);
            return messages(select);
        }
    }

    static List<OutboxMessage> list(Connection connection, boolean undeliveredOnly, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM outbox_message"
                + (undeliveredOnly ? " WHERE status <> 'DELIVERED'" : "") + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            select.setInt(1, limit);
            return messages(select);
        }
    }

    static Void delivered(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,"
                        + " next_attempt_at = NULL, last_error = NULL WHERE id = ? AND status = 'PENDING'")) {
            setInstant(update, 1, now);
            update.setLong(2, id);
            update.executeUpdate();
        }
        return null;
    }

    static Void failed(Connection connection, long id, String error, Instant nextAttemptAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " WHERE id = ? AND status = 'PENDING'")) {
            setInstant(update, 1, nextAttemptAt);
            update.setString(2, bounded(error == null ? "failed" : error));
            update.setLong(3, id);
            update.executeUpdate();
        }
        return null;
    }

    static boolean refused(Connection connection, long id, String reason, Instant nextAttemptAt, int refusalsToPark)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET attempts = attempts + 1, refusals = refusals + 1, last_error = ?,"
                        + " status = CASE WHEN refusals + 1 >= ? THEN 'REFUSED' ELSE 'PENDING' END,"
                        + " next_attempt_at = CASE WHEN refusals + 1 >= ? THEN CAST(NULL AS TIMESTAMP)"
                        + " ELSE CAST(? AS TIMESTAMP) END"
                        + " WHERE id = ? AND status = 'PENDING'")) {
            update.setString(1, bounded(reason == null ? "refused" : reason));
            update.setInt(2, refusalsToPark);
            update.setInt(3, refusalsToPark);
            setInstant(update, 4, nextAttemptAt);
            update.setLong(5, id);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT status FROM outbox_message WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && "REFUSED".equals(row.getString(1));
            }
        }
    }

    /** A pending message is made due now; a refused one becomes pending again, its refusals forgotten. */
    static boolean retryNow(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET status = 'PENDING', refusals = 0, next_attempt_at = ?"
                        + " WHERE id = ? AND status IN ('PENDING', 'REFUSED')")) {
            setInstant(update, 1, now);
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    private static String bounded(String message) {
        return message.length() > ERROR_LENGTH ? message.substring(0, ERROR_LENGTH) : message;
    }

    private static List<OutboxMessage> messages(PreparedStatement select) throws SQLException {
        List<OutboxMessage> messages = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                messages.add(new OutboxMessage(rows.getLong("id"), rows.getString("idempotency_key"),
                        rows.getString("destination"), rows.getString("petition_id"),
                        rows.getString("registration_number"), rows.getString("kind"),
                        OutboxMessage.Status.valueOf(rows.getString("status")), rows.getInt("attempts"),
                        instant(rows, "created_at"), instant(rows, "next_attempt_at"), instant(rows, "delivered_at"),
                        rows.getString("last_error")));
            }
        }
        return messages;
    }
}
