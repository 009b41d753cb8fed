package org.reception.store;

import static org.reception.store.Jdbc.date;
import static org.reception.store.Jdbc.enumValue;
import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.name;
import static org.reception.store.Jdbc.setDate;
import static org.reception.store.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.Disposition;
import org.reception.cases.EscalationDecision;
import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.Handling;
import org.reception.cases.Petition;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.Priority;
import org.reception.cases.RedactedField;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.RedirectChannel;
import org.reception.cases.Satisfaction;
import org.reception.cases.Supervision;

/** Reads a whole petition from its tables, and writes the parts of it that change. */
final class PetitionRows {

    static final String LIST_SEPARATOR = "\n";

    private PetitionRows() {
    }

    static Optional<Petition> read(Connection connection, String id, PersonalData pii) throws SQLException {
        // Two lookups by key, never a join the optimizer might turn into a scan: a scan would wait on
        // the uncommitted rows of other petitions' transactions.
        Optional<RoutingDecision> current = routing(connection, id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM petition p WHERE p.id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                RoutingDecision routing = current.get();
                Handling handling = new Handling(enumValue(Disposition.class, row.getString("disposition")),
                        row.getString("handling_unit"), split(row.getString("co_units")),
                        row.getString("disposition_reason"), row.getString("extension_reason"),
                        row.getString("reply"), instant(row, "replied_at"),
                        enumValue(Satisfaction.class, row.getString("satisfaction")), row.getString("review_answer"),
                        row.getString("re_review_answer"), instant(row, "archived_at"), row.getString("review_level"),
                        row.getString("re_review_level"), enumValue(RedirectChannel.class, row.getString("redirect_channel")));
                return Optional.of(new Petition(row.getString("id"), row.getString("registration_number"),
                        Channel.valueOf(row.getString("channel")), PetitionType.valueOf(row.getString("petition_type")),
                        Category.valueOf(row.getString("category")), row.getString("title"), row.getString("content"),
                        row.getString("jurisdiction"), instant(row, "received_at"), petitioners(connection, id, pii),
                        strings(connection, "SELECT name FROM accused WHERE petition_id = ? ORDER BY seq", id),
                        row.getBoolean("confidential"),
                        strings(connection, "SELECT registration_number FROM petition_link WHERE petition_id = ?"
                                + " ORDER BY registration_number", id),
                        PetitionStatus.valueOf(row.getString("status")), routing,
                        confidentiality(connection, id, routing.decidedAt()), escalations(connection, id), handling,
                        deadlines(connection, id),
                        supervisions(connection, id), row.getInt("row_version"), row.getString("received_by")));
            }
        }
    }

    /** The routing decision in force: the one with the highest seq. */
    private static Optional<RoutingDecision> routing(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM routing_decision WHERE petition_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RoutingDecision(Disposition.valueOf(row.getString("disposition")),
                        row.getString("unit_code"), row.getString("unit_name"), split(row.getString("co_units")),
                        Priority.valueOf(row.getString("priority")), row.getString("reason"),
                        instant(row, "decided_at"),
                        new RuleProvenance(row.getString("module_id"), row.getString("module_version"),
                                row.getString("module_jurisdiction"), split(row.getString("rules_fired")))));
            }
        }
    }

    private static ConfidentialityDecision confidentiality(Connection connection, String id, Instant routedAt)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM confidentiality_decision WHERE petition_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return ConfidentialityDecision.none(routedAt);
                }
                Set<RedactedField> redacted = EnumSet.noneOf(RedactedField.class);
                split(row.getString("redacted")).forEach(field -> redacted.add(RedactedField.valueOf(field)));
                return new ConfidentialityDecision(row.getBoolean("identity_hidden"),
                        new TreeSet<>(split(row.getString("hidden_from"))), redacted,
                        new TreeSet<>(split(row.getString("readers"))), split(row.getString("reasons")),
                        instant(row, "decided_at"), Provenances.decode(row.getString("provenance")));
            }
        }
    }

    private static List<EscalationDecision> escalations(Connection connection, String id) throws SQLException {
        List<EscalationDecision> escalations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM escalation WHERE petition_id = ? ORDER BY id")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    escalations.add(new EscalationDecision(EscalationLevel.valueOf(rows.getString("escalation_level")),
                            Priority.valueOf(rows.getString("urgency")), rows.getInt("report_within_hours"),
                            EscalationTrigger.valueOf(rows.getString("trigger_kind")), rows.getString("reason"),
                            instant(rows, "raised_at"),
                            new RuleProvenance(rows.getString("module_id"), rows.getString("module_version"),
                                    rows.getString("module_jurisdiction"), split(rows.getString("rules_fired")))));
                }
            }
        }
        return escalations;
    }

    /** Writes the rules' confidentiality decision of a case, if it restricts anything. */
    static void insertConfidentiality(Connection connection, String petitionId, ConfidentialityDecision decision)
            throws SQLException {
        if (!decision.restricts()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO confidentiality_decision (petition_id, identity_hidden, hidden_from, redacted, readers,"
                        + " reasons, provenance, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, petitionId);
            insert.setBoolean(2, decision.identityHidden());
            insert.setString(3, joinAll(decision.hiddenFrom()));
            insert.setString(4, joinAll(decision.redacted().stream().map(Enum::name).sorted().toList()));
            insert.setString(5, joinAll(decision.readers()));
            insert.setString(6, joinAll(decision.reasons()));
            insert.setString(7, Provenances.encode(decision.provenance()));
            setInstant(insert, 8, decision.decidedAt());
            insert.executeUpdate();
        }
    }

    static void insertEscalations(Connection connection, String petitionId, List<EscalationDecision> escalations)
            throws SQLException {
        if (escalations.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO escalation (petition_id, escalation_level, urgency, report_within_hours, trigger_kind,"
                        + " reason, raised_at, module_id, module_version, module_jurisdiction, rules_fired)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EscalationDecision escalation : escalations) {
                RuleProvenance provenance = escalation.provenance();
                insert.setString(1, petitionId);
                insert.setString(2, escalation.level().name());
                insert.setString(3, escalation.urgency().name());
                insert.setInt(4, escalation.reportWithinHours());
                insert.setString(5, escalation.trigger().name());
                insert.setString(6, escalation.reason());
                setInstant(insert, 7, escalation.raisedAt());
                insert.setString(8, provenance.moduleId());
                insert.setString(9, provenance.moduleVersion());
                insert.setString(10, provenance.jurisdiction());
                insert.setString(11, Provenances.fit(String.join(LIST_SEPARATOR, provenance.rulesFired()), 4000, LIST_SEPARATOR));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String joinAll(java.util.Collection<String> values) {
        return String.join(LIST_SEPARATOR, values.stream().map(Provenances::clean).toList());
    }

    /** Sealed values opened; a row written before sealing (not yet converted) is read as it is. */
    private static List<Petitioner> petitioners(Connection connection, String id, PersonalData pii)
            throws SQLException {
        List<Petitioner> petitioners = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM petitioner WHERE petition_id = ? ORDER BY seq")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    petitioners.add(new Petitioner(rows.getString("name"),
                            opened(pii, rows.getString("resident_id_sealed"), rows.getString("resident_id")),
                            opened(pii, rows.getString("phone_sealed"), rows.getString("phone")),
                            opened(pii, rows.getString("address_sealed"), rows.getString("address")),
                            rows.getBoolean("representative")));
                }
            }
        }
        return petitioners;
    }

    private static List<Deadline> deadlines(Connection connection, String id) throws SQLException {
        List<Deadline> deadlines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM deadline WHERE petition_id = ? ORDER BY started_at, kind")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    deadlines.add(new Deadline(DeadlineKind.valueOf(rows.getString("kind")), instant(rows, "started_at"),
                            date(rows, "due"), instant(rows, "met_at")));
                }
            }
        }
        return deadlines;
    }

    private static List<Supervision> supervisions(Connection connection, String id) throws SQLException {
        List<Supervision> supervisions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM supervision WHERE petition_id = ? ORDER BY id")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    supervisions.add(new Supervision(rows.getLong("id"), rows.getString("order_text"),
                            date(rows, "due"), rows.getString("ordered_by"), instant(rows, "ordered_at"),
                            rows.getString("outcome"), instant(rows, "resolved_at")));
                }
            }
        }
        return supervisions;
    }

    static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static String opened(PersonalData pii, String sealed, String plain) {
        return sealed != null ? pii.open(sealed) : plain == null ? null : plain.strip();
    }

    /** The parts written once, at registration: petitioners (their personal data sealed), accused, links. */
    static void insertParties(Connection connection, String id, Petition petition, PersonalData pii)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO petitioner (petition_id, seq, name, resident_id_sealed, resident_id_index, phone_sealed,"
                        + " address_sealed, representative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Petitioner petitioner : petition.petitioners()) {
                insert.setString(1, id);
                insert.setInt(2, ++seq);
                insert.setString(3, petitioner.name());
                insert.setString(4, pii.seal(petitioner.residentId()));
                insert.setString(5, pii.index(petitioner.residentId()));
                insert.setString(6, pii.seal(petitioner.phone()));
                insert.setString(7, pii.seal(petitioner.address()));
                insert.setBoolean(8, petitioner.representative());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // Most petitions accuse nobody and link nothing: no statement for an empty batch.
        if (!petition.accused().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO accused (petition_id, seq, name) VALUES (?, ?, ?)")) {
                int seq = 0;
                for (String accused : petition.accused()) {
                    insert.setString(1, id);
                    insert.setInt(2, ++seq);
                    insert.setString(3, accused);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!petition.linkedPetitions().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO petition_link (petition_id, registration_number) VALUES (?, ?)")) {
                for (String link : petition.linkedPetitions().stream().distinct().toList()) {
                    insert.setString(1, id);
                    insert.setString(2, link);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * The case state: status, handling, next due date; a change (not the first write at
     * registration) also moves the version on.
     */
    static int updateState(Connection connection, String id, Petition petition, Integer expectedVersion,
                           boolean change) throws SQLException {
        Handling handling = petition.handling();
        String sql = "UPDATE petition SET status = ?, disposition = ?, handling_unit = ?, co_units = ?,"
                + " disposition_reason = ?, extension_reason = ?, reply = ?, replied_at = ?, satisfaction = ?,"
                + " review_answer = ?, re_review_answer = ?, archived_at = ?, next_due = ?, review_level = ?,"
                + " re_review_level = ?, redirect_channel = ?,"
                + (change ? " row_version = row_version + 1" : " row_version = row_version") + " WHERE id = ?"
                + (expectedVersion == null ? "" : " AND row_version = ?");
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, petition.status().name());
            update.setString(2, name(handling.disposition()));
            update.setString(3, handling.unit());
            update.setString(4, join(handling.coUnits()));
            update.setString(5, handling.reason());
            update.setString(6, handling.extensionReason());
            update.setString(7, handling.reply());
            setInstant(update, 8, handling.repliedAt());
            update.setString(9, name(handling.satisfaction()));
            update.setString(10, handling.reviewAnswer());
            update.setString(11, handling.reReviewAnswer());
            setInstant(update, 12, handling.archivedAt());
            setDate(update, 13, nextDue(petition));
            update.setString(14, handling.reviewedBy());
            update.setString(15, handling.reReviewedBy());
            update.setString(16, name(handling.redirectedTo()));
            update.setString(17, id);
            if (expectedVersion != null) {
                update.setInt(18, expectedVersion);
            }
            return update.executeUpdate();
        }
    }

    /**
     * The case's co-units as rows (V21), kept with the joined column: those it no longer has are
     * removed and the new ones added; nothing is written when they are the same.
     *
     * @param fresh a case being registered, which has no rows yet
     */
    static void replaceCoUnits(Connection connection, String id, List<String> coUnits, boolean fresh)
            throws SQLException {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(coUnits);
        java.util.Set<String> stored = new java.util.HashSet<>();
        if (!fresh) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT unit_code FROM petition_co_unit WHERE petition_id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
        }
        if (stored.equals(wanted)) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM petition_co_unit WHERE petition_id = ? AND unit_code = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO petition_co_unit (unit_code, petition_id) VALUES (?, ?)")) {
            for (String unit : stored) {
                if (!wanted.contains(unit)) {
                    delete.setString(1, id);
                    delete.setString(2, unit);
                    delete.executeUpdate();
                }
            }
            for (String unit : wanted) {
                if (!stored.contains(unit)) {
                    insert.setString(1, unit);
                    insert.setString(2, id);
                    insert.executeUpdate();
                }
            }
        }
    }

    static void replaceDeadlines(Connection connection, String id, List<Deadline> deadlines) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM deadline WHERE petition_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        insertDeadlines(connection, id, deadlines);
    }

    /** The deadlines of a petition that has none yet. */
    static void insertDeadlines(Connection connection, String id, List<Deadline> deadlines) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO deadline (petition_id, kind, started_at, due, met_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Deadline deadline : deadlines) {
                insert.setString(1, id);
                insert.setString(2, deadline.kind().name());
                setInstant(insert, 3, deadline.startedAt());
                setDate(insert, 4, deadline.due());
                setInstant(insert, 5, deadline.metAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** New orders (id 0) are inserted; known ones only ever gain their outcome. */
    static void saveSupervisions(Connection connection, String id, List<Supervision> supervisions) throws SQLException {
        for (Supervision supervision : supervisions) {
            if (supervision.id() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO supervision (petition_id, order_text, due, ordered_by, ordered_at)"
                                + " VALUES (?, ?, ?, ?, ?)", Statement.NO_GENERATED_KEYS)) {
                    insert.setString(1, id);
                    insert.setString(2, supervision.order());
                    setDate(insert, 3, supervision.due());
                    insert.setString(4, supervision.orderedBy());
                    setInstant(insert, 5, supervision.orderedAt());
                    insert.executeUpdate();
                }
            } else if (supervision.resolvedAt() != null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE supervision SET outcome = ?, resolved_at = ?"
                                + " WHERE id = ? AND petition_id = ? AND resolved_at IS NULL")) {
                    update.setString(1, supervision.outcome());
                    setInstant(update, 2, supervision.resolvedAt());
                    update.setLong(3, supervision.id());
                    update.setString(4, id);
                    update.executeUpdate();
                }
            }
        }
    }

    /** The next day by which the office must act: the petitioner's own periods are not the office's. */
    static LocalDate nextDue(Petition petition) {
        return petition.deadlines().stream().filter(Deadline::isPending)
                .filter(deadline -> !deadline.kind().isPetitionersWindow()).map(Deadline::due)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
    }
}
