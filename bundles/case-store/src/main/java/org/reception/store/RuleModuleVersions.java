package org.reception.store;

import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reception.cases.spi.RuleModuleLedger.State;
import org.reception.cases.spi.RuleModuleLedger.Version;

/** The table of rule module versions, the rules host's durable record of what decides where. */
final class RuleModuleVersions {

    static final int REFUSAL_LENGTH = 4000;

    private RuleModuleVersions() {
    }

    static List<Version> all(Connection connection) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM rule_module_version ORDER BY jurisdiction, state, position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.add(new Version(rows.getString("jurisdiction"), rows.getString("fingerprint"),
                        rows.getString("module_id"), rows.getString("version"), rows.getString("origin"),
                        rows.getString("source"), State.valueOf(rows.getString("state")), rows.getInt("position"),
                        rows.getInt("rule_count"), instant(rows, "changed_at"), rows.getString("refusal"),
                        rows.getBytes("files")));
            }
        }
        return versions;
    }

    static Void record(Connection connection, Dialect dialect, String jurisdiction, List<Version> versions) throws SQLException {
        Set<String> recorded = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint FROM rule_module_version WHERE jurisdiction = ?")) {
            select.setString(1, jurisdiction);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
        }
        Set<String> given = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_module_version (jurisdiction,"
                + " fingerprint, module_id, version, origin, source, state, position, rule_count, changed_at, refusal,"
                + " files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE rule_module_version SET origin = ?,"
                     + " source = ?, state = ?, position = ?, rule_count = ?, changed_at = ?, refusal = ?"
                     + " WHERE jurisdiction = ? AND fingerprint = ?");
             PreparedStatement files = connection.prepareStatement(
                     "UPDATE rule_module_version SET files = ? WHERE jurisdiction = ? AND fingerprint = ?")) {
            for (Version version : versions) {
                if (!version.jurisdiction().equals(jurisdiction)) {
                    throw new IllegalArgumentException("version " + version.fingerprint() + " is not of " + jurisdiction);
                }
                given.add(version.fingerprint());
                if (recorded.contains(version.fingerprint())) {
                    update.setString(1, version.origin());
                    update.setString(2, version.source());
                    update.setString(3, version.state().name());
                    update.setInt(4, version.position());
                    update.setInt(5, version.ruleCount());
                    setInstant(update, 6, version.changedAt());
                    update.setString(7, bounded(version.refusal()));
                    update.setString(8, jurisdiction);
                    update.setString(9, version.fingerprint());
                    update.executeUpdate();
                    // Files once recorded stay while the version may decide again; one set aside or refused never will.
                    boolean mayDecide = version.state() == State.ACTIVE || version.state() == State.KEPT
                            || version.state() == State.WITHDRAWN;
                    if (!mayDecide || version.files() != null) {
                        if (mayDecide) {
                            files.setBytes(1, version.files());
                        } else {
                            files.setNull(1, dialect.binaryType());
                        }
                        files.setString(2, jurisdiction);
                        files.setString(3, version.fingerprint());
                        files.executeUpdate();
                    }
                } else {
                    insert.setString(1, jurisdiction);
                    insert.setString(2, version.fingerprint());
                    insert.setString(3, version.moduleId());
                    insert.setString(4, version.version());
                    insert.setString(5, version.origin());
                    insert.setString(6, version.source());
                    insert.setString(7, version.state().name());
                    insert.setInt(8, version.position());
                    insert.setInt(9, version.ruleCount());
                    setInstant(insert, 10, version.changedAt());
                    insert.setString(11, bounded(version.refusal()));
                    if (version.files() == null) {
                        insert.setNull(12, dialect.binaryType());
                    } else {
                        insert.setBytes(12, version.files());
                    }
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM rule_module_version WHERE jurisdiction = ? AND fingerprint = ?")) {
            for (String fingerprint : recorded) {
                if (!given.contains(fingerprint)) {
                    delete.setString(1, jurisdiction);
                    delete.setString(2, fingerprint);
                    delete.executeUpdate();
                }
            }
        }
        return null;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= REFUSAL_LENGTH ? text : text.substring(0, REFUSAL_LENGTH - 1) + "…";
    }
}
