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

import org.reception.cases.AuditEntry;
import org.reception.cases.AuditVerification;
import org.reception.cases.Sha256;

/**
 * The append-only audit log: each entry's hash covers its content and the previous entry's hash.
 * Appends take the single head row's lock, so entries are chained in commit order.
 */
final class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private AuditLog() {
    }

    /** Appends one entry inside the caller's transaction. */
    static void append(Connection connection, String petitionId, String action, String actor, String detail,
                       Instant at) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1")) {
            lock.executeUpdate();
        }
        long seq;
        String previous;
        try (PreparedStatement head = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet row = head.executeQuery()) {
            row.next();
            seq = row.getLong(1);
            previous = row.getString(2);
        }
        String hash = hash(previous, seq, petitionId, action, actor, at, detail);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_entry (seq, petition_id, action, actor, acted_at, detail, previous_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, petitionId);
            insert.setString(3, action);
            insert.setString(4, actor);
            setInstant(insert, 5, at);
            insert.setString(6, detail);
            insert.setString(7, previous);
            insert.setString(8, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement head = connection.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
            head.setString(1, hash);
            head.executeUpdate();
        }
    }

    static List<AuditEntry> of(Connection connection, String petitionId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM audit_entry WHERE petition_id = ? ORDER BY seq")) {
            select.setString(1, petitionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
        }
        return entries;
    }

    /** Walks the whole chain from the first entry and checks every link and every hash. */
    static AuditVerification verify(Connection connection) throws SQLException {
        String previous = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_entry ORDER BY seq");
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
        try (PreparedStatement head = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet row = head.executeQuery()) {
            row.next();
            if (row.getLong(1) != expectedSeq - 1 || !row.getString(2).equals(previous)) {
                return new AuditVerification(count, false, expectedSeq, "the last entries are missing");
            }
        }
        return new AuditVerification(count, true, -1, null);
    }

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
