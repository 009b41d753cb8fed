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

import org.reception.cases.AuditEntry;
import org.reception.cases.AuditVerification;
import org.reception.cases.Sha256;

/**
 * The append-only audit log, a hash chain. An entry is appended inside the transaction of the
 * change it records, without a place in the chain; {@link #seal} then gives the committed entries,
 * in order, the next positions and hashes, each over its content and the hash before it. Writers
 * never wait on each other for the chain, and an entry is sealed within moments of its commit; one
 * rolled back never was. Sealing takes the head row's lock, so the chain has one order.
 */
final class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int SEAL_BATCH = 1_000;

    private AuditLog() {
    }

    /** Appends one entry, unsealed, inside the caller's transaction. */
    static void append(Connection connection, Dialect dialect, String petitionId, String action, String actor,
                       String detail, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_entry (entry_id, petition_id, action, actor, acted_at, detail, appended)"
                        + " VALUES (?, ?, ?, ?, ?, ?, " + dialect.nextAuditOrder() + ")")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, petitionId);
            insert.setString(3, action);
            insert.setString(4, actor);
            setInstant(insert, 5, at);
            insert.setString(6, detail);
            insert.executeUpdate();
        }
    }

    /**
     * Seals the committed entries that are not yet in the chain, in one transaction of the
     * caller's connection (which must not be in one already).
     *
     * @return how many were sealed
     */
    static int seal(Connection connection) throws SQLException {
        return Jdbc.inTransaction(connection, () -> {
            Head head = lockHead(connection);
            long seq = head.lastSeq();
            String previous = head.lastHash();
            int sealed = 0;
            try (PreparedStatement unsealed = connection.prepareStatement(
                    "SELECT entry_id, petition_id, action, actor, acted_at, detail FROM audit_entry"
                            + " WHERE seq IS NULL ORDER BY appended FETCH FIRST " + SEAL_BATCH + " ROWS ONLY");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE audit_entry SET seq = ?, previous_hash = ?, hash = ? WHERE entry_id = ?");
                 ResultSet rows = unsealed.executeQuery()) {
                while (rows.next()) {
                    seq++;
                    String hash = hash(previous, seq, rows.getString("petition_id"), rows.getString("action"),
                            rows.getString("actor"), instant(rows, "acted_at"), rows.getString("detail"));
                    update.setLong(1, seq);
                    update.setString(2, previous);
                    update.setString(3, hash);
                    update.setString(4, rows.getString("entry_id"));
                    update.addBatch();
                    previous = hash;
                    sealed++;
                }
                if (sealed > 0) {
                    update.executeBatch();
                }
            }
            if (sealed > 0) {
                try (PreparedStatement moved = connection.prepareStatement(
                        "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    moved.setLong(1, seq);
                    moved.setString(2, previous);
                    moved.executeUpdate();
                }
            }
            return sealed;
        });
    }

    static List<AuditEntry> of(Connection connection, String petitionId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        // In the order the steps were taken: entries not sealed yet have no position in the chain,
        // and those written before sealing moved out of the commit (appended 0) have only their position.
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_entry WHERE petition_id = ? ORDER BY appended, seq")) {
            select.setString(1, petitionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
        }
        return entries;
    }

    /**
     * Walks the whole chain from the first entry and checks every link and every hash; seals first,
     * and holds the head's lock while it walks, so that the sealer cannot move the end meanwhile.
     */
    static AuditVerification verify(Connection connection) throws SQLException {
        while (seal(connection) == SEAL_BATCH) {
            // a backlog: seal it all before walking
        }
        return Jdbc.inTransaction(connection, () -> {
            Head head = lockHead(connection);
            String previous = GENESIS;
            long expectedSeq = 1;
            long count = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AuditEntry entry = entry(rows);
                    count++;
                    if (entry.seq() != expectedSeq) {
                        return new AuditVerification(count, false, entry.seq(), "entry " + expectedSeq + " is missing");
                    }
                    if (!entry.previousHash().equals(previous)) {
                        return new AuditVerification(count, false, entry.seq(), "does not follow the entry before it");
                    }
                    String recomputed = hash(previous, entry.seq(), entry.petitionId(), entry.action(), entry.actor(),
                            entry.at(), entry.detail());
                    if (!recomputed.equals(entry.hash())) {
                        return new AuditVerification(count, false, entry.seq(), "its content does not match its hash");
                    }
                    previous = entry.hash();
                    expectedSeq++;
                }
            }
            if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
                return new AuditVerification(count, false, expectedSeq, "the last entries are missing");
            }
            return new AuditVerification(count, true, -1, null);
        });
    }

    /** The end of the chain. */
    private record Head(long lastSeq, String lastHash) {
    }

    /** Takes the head row's lock for the caller's transaction and reads the end of the chain. */
    private static Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE audit_head SET last_seq = last_seq WHERE id = 1")) {
            lock.executeUpdate();
        }
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet row = head.executeQuery()) {
            row.next();
            return new Head(row.getLong(1), row.getString(2));
        }
    }

    /** An entry not sealed yet has position 0 and no hashes. */
    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("seq"), row.getString("petition_id"), row.getString("action"),
                row.getString("actor"), instant(row, "acted_at"), row.getString("detail"), row.getString("previous_hash"),
                row.getString("hash"));
    }

    static String hash(String previous, long seq, String petitionId, String action, String actor, Instant at,
                       String detail) {
        String canonical = String.join("\u001f", previous, Long.toString(seq), petitionId, action, actor,
                at.toString(), detail);
        return Sha256.hex(canonical);
    }

}
