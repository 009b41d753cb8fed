package org.reception.store;

import static org.reception.store.Jdbc.date;
import static org.reception.store.Jdbc.inTransaction;
import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.setDate;
import static org.reception.store.Jdbc.setInstant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.PlatformTime;
import org.reception.cases.AuditEntry;
import org.reception.cases.AuditVerification;
import org.reception.cases.CaseEvent;
import org.reception.cases.ConcurrentUpdate;
import org.reception.cases.DeadlineKind;
import org.reception.cases.EscalationDecision;
import org.reception.cases.Handling;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Page;
import org.reception.cases.PersonalDataKeys;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PublicStatus;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.Sha256;
import org.reception.cases.UnknownPetition;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;
import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;
import org.reception.cases.spi.CaseTexts;
import org.reception.cases.spi.ReportStore;
import org.reception.cases.spi.CaseTexts.CaseText;
import org.reception.cases.spi.IdempotentRegistration;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.MatterHistory;
import org.reception.cases.spi.PetitionRepository;
import org.reception.cases.spi.RuleModuleLedger;
import org.reception.cases.spi.StatisticsStore;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.EscalationCount;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.RollupCheck;

/**
 * Petitions in the platform's relational database. Each write is one transaction with its audit
 * entry; the schema is migrated when the component starts, before it offers itself as a service.
 */
@Component(service = {PetitionRepository.class, HealthCheck.class, PersonalDataKeys.class, RuleModuleLedger.class,
        StatisticsStore.class, CaseTexts.class, ReportStore.class}, property = HealthCheck.NAME + "=store")
public final class JdbcPetitionRepository implements PetitionRepository, HealthCheck, PersonalDataKeys,
        RuleModuleLedger, StatisticsStore, CaseTexts, ReportStore {

    private static final Logger LOG = LogManager.getLogger(JdbcPetitionRepository.class);

    /** The standard SQLState of a unique constraint's violation, the same in every database. */
    private static final String DUPLICATE_KEY = "23505";
    private static final String NOT_STORED = "the petition could not be stored";

    /** How soon after its commit an audit entry takes its place in the chain. */
    static final long SEAL_INTERVAL_MILLIS = 250;

    /** In {@code etc/}: see {@link PersonalData}. */
    static final String KEY_FILE = "reception-pii.keys";

    /** The key file of the running platform, in Karaf's {@code etc/}. */
    static Path keyFileInEtc() {
        return Path.of(System.getProperty("karaf.etc", "etc"), KEY_FILE);
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final PersonalData pii;
    private final Path keyFile;
    private final Transactions transactions;
    private final RollupStatistics statistics;
    private final ScheduledExecutorService sealer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "reception-audit-sealer");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public JdbcPetitionRepository(@Reference(target = "(dataSourceName=reception)") DataSource dataSource) {
        this(dataSource, keyFileInEtc());
    }

    /**
     * @param keyFile the keys of the petitioners' personal data; created if absent while nothing is
     *                sealed yet
     * @throws IllegalStateException when the key file does not open what the database holds
     */
    public JdbcPetitionRepository(DataSource dataSource, Path keyFile) {
        this.dataSource = dataSource;
        this.dialect = Dialect.of(dataSource);
        this.transactions = new Transactions(dataSource, dialect::isTransient);
        this.keyFile = keyFile;
        SchemaMigration.migrate(dataSource, dialect);
        // A lost or foreign key file stops the store here: it is never replaced over sealed data.
        this.pii = KeyGuard.open(dataSource, keyFile);
        sealPlaintextRows();
        sealer.scheduleWithFixedDelay(this::sealAudit, 0, SEAL_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        this.statistics = new RollupStatistics(transactions, dialect);
        statistics.start();
    }

    /** The statistics' rollup and its job: for the store's tests and benchmarks. */
    RollupStatistics statistics() {
        return statistics;
    }

    @Deactivate
    void deactivate() {
        sealer.shutdownNow();
        statistics.stop();
    }

    /** Rows written before personal data was sealed: sealed and blanked, once. */
    private void sealPlaintextRows() {
        try (Connection connection = dataSource.getConnection()) {
            int sealed = inTransaction(connection, () -> {
                int count = 0;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT petition_id, seq, resident_id, phone, address FROM petitioner"
                                + " WHERE resident_id_index IS NULL", ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY);
                     PreparedStatement update = connection.prepareStatement(
                             "UPDATE petitioner SET resident_id_sealed = ?, resident_id_index = ?, phone_sealed = ?,"
                                     + " address_sealed = ?, resident_id = NULL, phone = NULL, address = NULL"
                                     + " WHERE petition_id = ? AND seq = ?");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String residentId = rows.getString("resident_id").strip();
                        update.setString(1, pii.seal(residentId));
                        update.setString(2, pii.index(residentId));
                        update.setString(3, pii.seal(rows.getString("phone")));
                        update.setString(4, pii.seal(rows.getString("address")));
                        update.setString(5, rows.getString("petition_id"));
                        update.setInt(6, rows.getInt("seq"));
                        update.executeUpdate();
                        count++;
                    }
                }
                return count;
            });
            if (sealed > 0) {
                LOG.info("Sealed the personal data of {} petitioner row(s) written before sealing", sealed);
            }
        } catch (SQLException e) {
            throw new ServiceUnavailable("the personal data written before sealing could not be sealed", e);
        }
    }

    /** Rows sealed again per transaction while a key is rotated: writers never wait long behind one. */
    private static final int RESEAL_BATCH = 500;

    @Override
    public synchronized Rotation rotate() {
        // From the switch on, every new value is sealed under the new key, and none sealed under
        // an old one is still uncommitted; what is stored follows batch by batch.
        String next = pii.rotate(keyFile);
        LOG.info("Personal data key {} is current; sealing stored values again", next);
        int resealed = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int batch = resealBatch(connection, pii); batch > 0; batch = resealBatch(connection, pii)) {
                resealed += batch;
            }
        } catch (SQLException e) {
            throw new ServiceUnavailable("sealing the personal data again stopped; run the rotation again to finish", e);
        }
        List<String> retired = pii.keyIds().stream().filter(id -> !id.equals(next)).sorted().toList();
        LOG.info("Personal data key rotated to {}: {} value(s) sealed again; no value needs {} any more", next,
                resealed, retired);
        return new Rotation(next, resealed, retired);
    }

    /** Seals one batch of stored values again under the current key; @return how many rows changed */
    private static int resealBatch(Connection connection, PersonalData keys) throws SQLException {
        String stale = keys.currentKey() + ":%";
        return inTransaction(connection, () -> {
            int changed = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT petition_id, seq, resident_id_sealed, phone_sealed, address_sealed FROM petitioner"
                            + " WHERE resident_id_sealed NOT LIKE ? OR phone_sealed NOT LIKE ? OR address_sealed NOT LIKE ?"
                            + " FETCH FIRST " + RESEAL_BATCH + " ROWS ONLY");
                 PreparedStatement update = connection.prepareStatement("UPDATE petitioner SET resident_id_sealed = ?,"
                         + " phone_sealed = ?, address_sealed = ? WHERE petition_id = ? AND seq = ?")) {
                for (int i = 1; i <= 3; i++) {
                    select.setString(i, stale);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        update.setString(1, reseal(keys, rows.getString("resident_id_sealed")));
                        update.setString(2, reseal(keys, rows.getString("phone_sealed")));
                        update.setString(3, reseal(keys, rows.getString("address_sealed")));
                        update.setString(4, rows.getString("petition_id"));
                        update.setInt(5, rows.getInt("seq"));
                        update.executeUpdate();
                        changed++;
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT key_hash, query_code FROM idempotent_request WHERE query_code LIKE '%:%'"
                            + " AND query_code NOT LIKE ? FETCH FIRST " + RESEAL_BATCH + " ROWS ONLY");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE idempotent_request SET query_code = ? WHERE key_hash = ?")) {
                select.setString(1, stale);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        update.setString(1, reseal(keys, rows.getString("query_code")));
                        update.setString(2, rows.getString("key_hash"));
                        update.executeUpdate();
                        changed++;
                    }
                }
            }
            return changed;
        });
    }

    private static String reseal(PersonalData keys, String sealed) {
        return keys.isCurrent(sealed) ? sealed : keys.seal(keys.open(sealed));
    }

    void sealAudit() {
        try (Connection connection = dataSource.getConnection()) {
            AuditLog.seal(connection);
        } catch (SQLException | RuntimeException e) {
            // The next round seals what this one could not; nothing is lost meanwhile.
            LOG.warn("Sealing the audit log failed: {}", e.getMessage());
        }
    }

    @Override
    public Petition create(Petition draft, String queryCode, String actor, Instant now) {
        return whileSealing(() -> createOnce(draft, queryCode, actor, now));
    }

    /** Runs a write that seals personal data, up to its commit, where a key rotation waits for it. */
    private <T> T whileSealing(Supplier<T> write) {
        Lock sealing = pii.sealingLock();
        sealing.lock();
        try {
            return write.get();
        } finally {
            sealing.unlock();
        }
    }

    private Petition createOnce(Petition draft, String queryCode, String actor, Instant now) {
        // Two first registrations of a county's year may race for its counter row: run it again too.
        return write(connection -> insert(connection, draft, queryCode, actor, now), this::retryable,
                NOT_STORED);
    }

    @Override
    public IdempotentRegistration create(Petition draft, String queryCode, String actor, Instant now,
                                         IdempotentRegistration.Key key, List<String> possibleDuplicates) {
        return whileSealing(() -> createOnce(draft, queryCode, actor, now, key, possibleDuplicates));
    }

    private IdempotentRegistration createOnce(Petition draft, String queryCode, String actor, Instant now,
                                              IdempotentRegistration.Key key, List<String> possibleDuplicates) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return inTransaction(connection, () -> {
                    Optional<IdempotentRegistration> earlier = registrationByKey(connection, key, pii);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    Petition created = insert(connection, draft, queryCode, actor, now);
                    try (PreparedStatement record = connection.prepareStatement(
                            "INSERT INTO idempotent_request (key_hash, request_hash, petition_id, query_code,"
                                    + " possible_duplicates, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        record.setString(1, key.keyHash());
                        record.setString(2, key.requestHash());
                        record.setString(3, created.id());
                        record.setString(4, pii.seal(queryCode));
                        record.setString(5, String.join(PetitionRows.LIST_SEPARATOR, possibleDuplicates));
                        setInstant(record, 6, now);
                        record.executeUpdate();
                    }
                    return new IdempotentRegistration(key, created, queryCode, possibleDuplicates, true);
                });
            } catch (SQLException e) {
                if (retryable(e) && attempt < Transactions.MAX_ATTEMPTS) {
                    // A concurrent request with the same key committed first, or the sequence was contended.
                    Optional<IdempotentRegistration> earlier = registrationByKey(key);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    continue;
                }
                throw failed(NOT_STORED, e);
            }
        }
    }

    /**
     * A concurrent writer took a key first (an idempotency key, a county's first number, the schedule's
     * report of a period), or the write was contended: run again, it finds what the other wrote.
     */
    private boolean retryable(SQLException e) {
        return DUPLICATE_KEY.equals(e.getSQLState()) || dialect.isTransient(e);
    }

    /** The client is told to try again; the operator is told why. */
    private static ServiceUnavailable failed(String failure, SQLException e) {
        return Transactions.failed(failure, e);
    }

    @Override
    public Optional<IdempotentRegistration> registrationByKey(IdempotentRegistration.Key key) {
        return read(connection -> registrationByKey(connection, key, pii), "the idempotency key could not be read");
    }

    private static Optional<IdempotentRegistration> registrationByKey(Connection connection,
                                                                      IdempotentRegistration.Key key,
                                                                      PersonalData pii)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT request_hash, petition_id, query_code, possible_duplicates FROM idempotent_request"
                        + " WHERE key_hash = ?")) {
            select.setString(1, key.keyHash());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Petition petition = PetitionRows.read(connection, row.getString("petition_id"), pii).orElseThrow();
                return Optional.of(new IdempotentRegistration(
                        new IdempotentRegistration.Key(key.keyHash(), row.getString("request_hash")), petition,
                        sealedOrPlain(pii, row.getString("query_code")),
                        PetitionRows.split(row.getString("possible_duplicates")), false));
            }
        }
    }

    /** Query codes recorded before sealing (within the last day of an upgrade) are plain: no key id. */
    private static String sealedOrPlain(PersonalData pii, String value) {
        return value.indexOf(':') > 0 ? pii.open(value) : value;
    }

    @Override
    public int forgetIdempotencyKeys(Instant before) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM idempotent_request WHERE created_at < ?")) {
            setInstant(delete, 1, before);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new ServiceUnavailable("idempotency keys could not be forgotten", e);
        }
    }

    private Petition insert(Connection connection, Petition draft, String queryCode, String actor, Instant now)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        int year = draft.receivedAt().atZone(PlatformTime.ZONE).getYear();
        int sequence = nextSequence(connection, draft.jurisdiction(), year);
        String registrationNumber = registrationNumber(draft.jurisdiction(), year, sequence);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO petition (id, registration_number, channel, petition_type, category, title, content,"
                        + " jurisdiction, received_at, status, confidential, query_code_hash, created_at,"
                        + " disposition, handling_unit, co_units, disposition_reason, next_due, received_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, registrationNumber);
            insert.setString(3, draft.channel().name());
            insert.setString(4, draft.type().name());
            insert.setString(5, draft.category().name());
            insert.setString(6, draft.title());
            insert.setString(7, draft.content());
            insert.setString(8, draft.jurisdiction());
            setInstant(insert, 9, draft.receivedAt());
            insert.setString(10, draft.status().name());
            insert.setBoolean(11, draft.confidential());
            insert.setString(12, queryCodeHash(registrationNumber, queryCode));
            setInstant(insert, 13, now);
            // The state a registration can have, in the same row: no UPDATE of the fresh row's indexes.
            Handling handling = draft.handling();
            insert.setString(14, handling.disposition() == null ? null : handling.disposition().name());
            insert.setString(15, handling.unit());
            insert.setString(16, PetitionRows.join(handling.coUnits()));
            insert.setString(17, handling.reason());
            Jdbc.setDate(insert, 18, PetitionRows.nextDue(draft));
            insert.setString(19, draft.receivedBy());
            insert.executeUpdate();
        }
        PetitionRows.replaceCoUnits(connection, id, draft.handling().coUnits(), true);
        PetitionRows.insertParties(connection, id, draft, pii);
        insertRouting(connection, id, 1, draft.routing());
        PetitionRows.insertConfidentiality(connection, id, draft.confidentiality());
        PetitionRows.insertEscalations(connection, id, draft.escalations());
        PetitionRows.insertDeadlines(connection, id, draft.deadlines());
        StatisticsRollup.noteChanged(connection, id);
        // As it was written, without reading it back: a registration is the busiest write there is.
        Petition stored = new Petition(id, registrationNumber, draft.channel(), draft.type(), draft.category(),
                draft.title(), draft.content(), draft.jurisdiction(), draft.receivedAt(), draft.petitioners(),
                draft.accused(), draft.confidential(), draft.linkedPetitions().stream().distinct().sorted().toList(),
                draft.status(), draft.routing(), draft.confidentiality(), draft.escalations(), draft.handling(),
                draft.deadlines(), List.of(), 0, draft.receivedBy());
        AuditLog.append(connection, dialect, id, "register", actor,
                "registered " + registrationNumber + " as " + draft.status() + ", routed to " + draft.routing().unitCode()
                        + " by " + draft.routing().provenance().moduleId() + " " + draft.routing().provenance().moduleVersion(),
                now);
        return stored;
    }

    /** {@code 520102-2026-000042}: the county, the year, and the county's count of the year, six digits or more. */
    static String registrationNumber(String jurisdiction, int year, int sequence) {
        String count = Integer.toString(sequence);
        return jurisdiction + '-' + year + '-' + "0".repeat(Math.max(0, 6 - count.length())) + count;
    }

    private static int nextSequence(Connection connection, String jurisdiction, int year) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE registration_sequence SET last_value = last_value + 1 WHERE jurisdiction = ? AND reg_year = ?")) {
            bump.setString(1, jurisdiction);
            bump.setInt(2, year);
            if (bump.executeUpdate() == 0) {
                try (PreparedStatement first = connection.prepareStatement(
                        "INSERT INTO registration_sequence (jurisdiction, reg_year, last_value) VALUES (?, ?, 1)")) {
                    first.setString(1, jurisdiction);
                    first.setInt(2, year);
                    first.executeUpdate();
                    return 1;
                }
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_value FROM registration_sequence WHERE jurisdiction = ? AND reg_year = ?")) {
            read.setString(1, jurisdiction);
            read.setInt(2, year);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void insertRouting(Connection connection, String petitionId, int seq, RoutingDecision routing)
            throws SQLException {
        RuleProvenance provenance = routing.provenance();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO routing_decision (petition_id, seq, unit_code, unit_name, reason, module_id,"
                        + " module_version, module_jurisdiction, rules_fired, decided_at, disposition, co_units, priority)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, petitionId);
            insert.setInt(2, seq);
            insert.setString(3, routing.unitCode());
            insert.setString(4, routing.unitName());
            insert.setString(5, routing.reason());
            insert.setString(6, provenance.moduleId());
            insert.setString(7, provenance.moduleVersion());
            insert.setString(8, provenance.jurisdiction());
            insert.setString(9, Provenances.fit(String.join(PetitionRows.LIST_SEPARATOR, provenance.rulesFired()), 4000, PetitionRows.LIST_SEPARATOR));
            setInstant(insert, 10, routing.decidedAt());
            insert.setString(11, routing.disposition().name());
            insert.setString(12, String.join(PetitionRows.LIST_SEPARATOR, routing.coUnits()));
            insert.setString(13, routing.priority().name());
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<Petition> findById(String id) {
        return read(connection -> PetitionRows.read(connection, id, pii), "the petition could not be read");
    }

    @Override
    public Optional<Petition> findByRegistrationNumber(String registrationNumber) {
        return read(connection -> {
            List<String> ids = PetitionRows.strings(connection,
                    "SELECT id FROM petition WHERE registration_number = ?", registrationNumber);
            return ids.isEmpty() ? Optional.<Petition>empty() : PetitionRows.read(connection, ids.get(0), pii);
        }, "the petition could not be read");
    }

    @Override
    public Petition update(Petition changed, int expectedVersion, String action, String actor, String detail,
                           Instant now) {
        return update(changed, expectedVersion, action, actor, detail, now, List.of());
    }

    @Override
    public Petition update(Petition changed, int expectedVersion, String action, String actor, String detail,
                           Instant now, List<Delivery> deliveries) {
        return write(connection -> {
            if (PetitionRows.updateState(connection, changed.id(), changed, expectedVersion, true) == 0) {
                if (PetitionRows.read(connection, changed.id(), pii).isEmpty()) {
                    throw new UnknownPetition(changed.id());
                }
                throw new ConcurrentUpdate("petition " + changed.registrationNumber() + " is no longer at version "
                        + expectedVersion + "; read it again");
            }
            PetitionRows.replaceCoUnits(connection, changed.id(), changed.handling().coUnits(), false);
            PetitionRows.replaceDeadlines(connection, changed.id(), changed.deadlines());
            PetitionRows.saveSupervisions(connection, changed.id(), changed.supervisions());
            Outbox.put(connection, changed, deliveries, now);
            StatisticsRollup.noteChanged(connection, changed.id());
            Petition stored = PetitionRows.read(connection, changed.id(), pii).orElseThrow();
            AuditLog.append(connection, dialect, changed.id(), action, actor, detail, now);
            return stored;
        }, dialect::isTransient, "the petition could not be updated");
    }

    @Override
    public List<OutboxMessage> dueDeliveries(Instant now, int limit) {
        return read(connection -> Outbox.due(connection, now, limit), "the outbox could not be read");
    }

    @Override
    public void markDelivered(long messageId, Instant now) {
        read(connection -> Outbox.delivered(connection, messageId, now), "the outbox could not be updated");
    }

    @Override
    public void markAttemptFailed(long messageId, String error, Instant nextAttemptAt) {
        read(connection -> Outbox.failed(connection, messageId, error, nextAttemptAt), "the outbox could not be updated");
    }

    @Override
    public boolean markRefused(long messageId, String reason, Instant nextAttemptAt, int refusalsToPark) {
        return read(connection -> Outbox.refused(connection, messageId, reason, nextAttemptAt, refusalsToPark),
                "the outbox could not be updated");
    }

    @Override
    public List<OutboxMessage> outbox(boolean undeliveredOnly, int limit) {
        return read(connection -> Outbox.list(connection, undeliveredOnly, limit), "the outbox could not be read");
    }

    @Override
    public boolean retryNow(long messageId, Instant now) {
        return read(connection -> Outbox.retryNow(connection, messageId, now), "the outbox could not be updated");
    }

    @Override
    public MatterHistory matterHistory(List<String> residentIds, String category, String jurisdiction,
                                       Instant before) {
        if (residentIds.isEmpty()) {
            return new MatterHistory(List.of(), List.of(), List.of());
        }
        String placeholders = String.join(", ", residentIds.stream().map(r -> "?").toList());
        // Neither DISTINCT nor ORDER BY: Derby would sort for every registration. A petition two of
        // whose petitioners match comes twice and counts once; the order is made here.
        String sql = "SELECT p.registration_number, p.status,"
                + " CASE WHEN p.re_review_answer IS NULL THEN 0 ELSE 1 END AS reviewed FROM petition p"
                + " JOIN petitioner r ON r.petition_id = p.id WHERE r.resident_id_index IN (" + placeholders + ")"
                + " AND p.category = ? AND p.jurisdiction = ? AND p.created_at < ?";
        return read(connection -> {
            SortedMap<String, Boolean> reviewedByNumber = new TreeMap<>();
            Set<String> openNumbers = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                for (String residentId : residentIds) {
                    select.setString(index++, pii.index(residentId));
                }
                select.setString(index++, category);
                select.setString(index++, jurisdiction);
                setInstant(select, index, before);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String number = rows.getString("registration_number");
                        reviewedByNumber.put(number, rows.getInt("reviewed") == 1);
                        if (PetitionStatus.valueOf(rows.getString("status")).isOpen()) {
                            openNumbers.add(number);
                        }
                    }
                }
            }
            List<String> open = reviewedByNumber.keySet().stream().filter(openNumbers::contains).toList();
            List<String> reviewed = reviewedByNumber.entrySet().stream().filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey).toList();
            return new MatterHistory(open, reviewed, List.copyOf(reviewedByNumber.keySet()));
        }, "earlier petitions could not be read");
    }

    @Override
    public List<String> finallyReviewed(List<String> registrationNumbers) {
        List<String> found = new ArrayList<>();
        for (String number : registrationNumbers) {
            List<String> linked = read(connection -> PetitionRows.strings(connection,
                    "SELECT registration_number FROM petition WHERE registration_number = ? AND re_review_answer IS NOT NULL",
                    number), "earlier petitions could not be read");
            linked.stream().filter(n -> !found.contains(n)).forEach(found::add);
        }
        return found;
    }

    @Override
    public Optional<PublicStatus> publicStatus(String registrationNumber, String queryCode) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT p.id, p.query_code_hash FROM petition p WHERE p.registration_number = ?")) {
                select.setString(1, registrationNumber);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || row.getString("query_code_hash") == null) {
                        return Optional.empty();
                    }
                    byte[] expected = row.getString("query_code_hash").getBytes(StandardCharsets.US_ASCII);
                    byte[] given = queryCodeHash(registrationNumber, queryCode).getBytes(StandardCharsets.US_ASCII);
                    if (!MessageDigest.isEqual(expected, given)) {
                        return Optional.empty();
                    }
                    Petition petition = PetitionRows.read(connection, row.getString("id"), pii).orElseThrow();
                    return Optional.of(new PublicStatus(petition.registrationNumber(), petition.status(),
                            petition.receivedAt(), petition.handling().unit() != null ? petition.handling().unit()
                                    : petition.routing().unitName(),
                            PetitionRows.nextDue(petition), petition.handling().reply()));
                }
            }
        }, "the petition could not be read");
    }

    /** Bound to the registration number, so a code is worth nothing for another petition. */
    static String queryCodeHash(String registrationNumber, String queryCode) {
        return Sha256.hex("query-code\u001f" + registrationNumber + "\u001f" + queryCode);
    }

    @Override
    public Page<PetitionSummary> list(PetitionQuery query, ListScope scope, LocalDate today) {
        if (scope.empty()) {
            return new Page<>(List.of(), 0, true, query.page(), query.size());
        }
        return read(connection -> PetitionListing.page(connection, query, scope, today), "the list could not be read");
    }

    @Override
    public Map<String, Figures> figures(String jurisdictionPrefix, Period period, Dimension by, ListScope scope,
                                        LocalDate today, LocalDate dueSoonUntil) {
        return statistics.figures(jurisdictionPrefix, period, by, scope, today, dueSoonUntil);
    }

    @Override
    public List<EscalationCount> escalations(String jurisdictionPrefix, Period period, ListScope scope) {
        if (scope.empty()) {
            return List.of();
        }
        return read(connection -> PetitionCounts.escalations(connection, jurisdictionPrefix, period, scope),
                "the escalations could not be counted");
    }

    @Override
    public List<CaseText> texts(String jurisdictionPrefix, Instant from, Instant to, ListScope scope, int limit) {
        if (scope.empty()) {
            return List.of();
        }
        return read(connection -> PetitionTexts.texts(connection, jurisdictionPrefix, from, to, scope, limit),
                "the texts of the cases could not be read");
    }

    @Override
    public StoredReport save(StoredReport report, byte[] pdf) {
        return write(connection -> AnalysisReportRows.save(connection, report, pdf), dialect::isTransient,
                "the report could not be kept");
    }

    @Override
    public Optional<StoredReport> saveScheduled(StoredReport report, byte[] pdf) {
        return write(connection -> {
            if (!AnalysisReportRows.scheduleOnce(connection, report)) {
                return Optional.<StoredReport>empty();
            }
            StoredReport kept = AnalysisReportRows.save(connection, report, pdf);
            AnalysisReportRows.scheduled(connection, kept);
            return Optional.of(kept);
        }, this::retryable, "the report could not be kept");
    }

    @Override
    public List<StoredReport> reports(String jurisdictionPrefix, int limit) {
        return read(connection -> AnalysisReportRows.reports(connection, jurisdictionPrefix, limit),
                "the reports could not be read");
    }

    @Override
    public Optional<StoredReport> latest(ReportKind kind, String jurisdiction, LocalDate periodFrom) {
        return read(connection -> AnalysisReportRows.latest(connection, kind, jurisdiction, periodFrom),
                "the reports could not be read");
    }

    @Override
    public Optional<ReportDocument> document(long id) {
        return read(connection -> AnalysisReportRows.document(connection, id), "the report could not be read");
    }

    @Override
    public RollupCheck checkRollup() {
        return statistics.check();
    }

    @Override
    public void recountRollup() {
        statistics.recount();
    }

    @Override
    public void recordRead(String petitionId, String action, String actor, String detail, Instant now) {
        write(connection -> {
            AuditLog.append(connection, dialect, petitionId, action, actor, detail, now);
            return null;
        }, dialect::isTransient, "the read could not be audited, so it is refused");
    }

    /** The petitioner's own periods (to ask for a review) make nothing overdue: no event is raised for them. */
    private static final String OFFICE_DEADLINES = " AND d.kind NOT IN (" + java.util.Arrays.stream(DeadlineKind.values())
            .filter(DeadlineKind::isPetitionersWindow).map(kind -> "'" + kind.name() + "'")
            .collect(Collectors.joining(", ")) + ")";

    @Override
    public int raiseDeadlineEvents(LocalDate today, LocalDate dueSoonUntil, Instant now) {
        String raise = "INSERT INTO case_event (petition_id, kind, deadline_kind, deadline_started_at, due, raised_at)"
                + " SELECT d.petition_id, ?, d.kind, d.started_at, d.due, ? FROM deadline d"
                + " WHERE d.met_at IS NULL AND d.due >= ? AND d.due <= ?" + OFFICE_DEADLINES + " AND NOT EXISTS (SELECT 1 FROM case_event e"
                + " WHERE e.petition_id = d.petition_id AND e.deadline_kind = d.kind"
                + " AND e.deadline_started_at = d.started_at AND e.kind = ?)";
        return write(connection -> {
            int raised = 0;
            try (PreparedStatement insert = connection.prepareStatement(raise)) {
                raised += raise(insert, CaseEvent.Kind.OVERDUE, LocalDate.of(1970, 1, 1), today.minusDays(1), now);
                raised += raise(insert, CaseEvent.Kind.DUE_SOON, today, dueSoonUntil, now);
            }
            return raised;
        }, dialect::isTransient, "deadline events could not be raised");
    }

    private static int raise(PreparedStatement insert, CaseEvent.Kind kind, LocalDate from, LocalDate to, Instant now)
            throws SQLException {
        insert.setString(1, kind.name());
        setInstant(insert, 2, now);
        setDate(insert, 3, from);
        setDate(insert, 4, to);
        insert.setString(5, kind.name());
        return insert.executeUpdate();
    }

    @Override
    public List<CaseEvent> events(long afterId, int limit) {
        return events("e.id > ?", afterId, limit, List.of());
    }

    @Override
    public List<CaseEvent> events(long afterId, int limit, ListScope scope) {
        if (scope.empty()) {
            return List.of();
        }
        List<PetitionListing.Binder> scoped = new ArrayList<>();
        String condition = PetitionListing.scoped(scope, scoped);
        return events("e.id > ? AND " + condition, afterId, limit, scoped);
    }

    @Override
    public List<CaseEvent> unassessedOverdueEvents(int limit) {
        return events("e.assessed = FALSE AND e.kind = 'OVERDUE' AND e.id > ?", 0, limit, List.of());
    }

    @Override
    public void recordAssessment(CaseEvent event, List<EscalationDecision> added, String actor, Instant now) {
        write(connection -> {
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE case_event SET assessed = TRUE WHERE id = ? AND assessed = FALSE")) {
                mark.setLong(1, event.id());
                if (mark.executeUpdate() == 0) {
                    return null; // assessed meanwhile by another scan
                }
            }
            PetitionRows.insertEscalations(connection, event.petitionId(), added);
            if (!added.isEmpty()) {
                StatisticsRollup.noteChanged(connection, event.petitionId());
                AuditLog.append(connection, dialect, event.petitionId(), "escalate", actor, added.stream()
                        .map(e -> e.trigger() + " to " + e.level() + " within " + e.reportWithinHours() + " h by "
                                + e.provenance().moduleId() + " " + e.provenance().moduleVersion())
                        .collect(Collectors.joining("; ", event.deadline() + " overdue since " + event.due() + ": ", "")),
                        now);
            }
            return null;
        }, dialect::isTransient, "the assessment of an overdue case could not be stored");
    }

    private List<CaseEvent> events(String condition, long afterId, int limit, List<PetitionListing.Binder> scope) {
        return read(connection -> {
            List<CaseEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT e.*, p.registration_number FROM case_event e JOIN petition p ON p.id = e.petition_id"
                            + " WHERE " + condition + " ORDER BY e.id FETCH FIRST ? ROWS ONLY")) {
                select.setLong(1, afterId);
                select.setInt(PetitionListing.bind(select, 2, scope), limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new CaseEvent(rows.getLong("id"), rows.getString("petition_id"),
                                rows.getString("registration_number"), CaseEvent.Kind.valueOf(rows.getString("kind")),
                                DeadlineKind.valueOf(rows.getString("deadline_kind")), date(rows, "due"),
                                instant(rows, "raised_at")));
                    }
                }
            }
            return events;
        }, "events could not be read");
    }

    @Override
    public List<AuditEntry> audit(String petitionId) {
        return read(connection -> AuditLog.of(connection, petitionId), "the audit log could not be read");
    }

    @Override
    public AuditVerification verifyAudit() {
        return read(AuditLog::verify, "the audit log could not be read");
    }

    @Override
    public HealthStatus check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? HealthStatus.up("database reachable")
                    : HealthStatus.down("database connection is not valid");
        } catch (SQLException e) {
            return HealthStatus.down("database unreachable: " + e.getMessage());
        }
    }

    // --- rule module versions ----------------------------------------------------------------

    @Override
    public List<Version> versions() {
        return read(RuleModuleVersions::all, "the rule module versions could not be read");
    }

    @Override
    public void record(String jurisdiction, List<Version> versions) {
        write(connection -> RuleModuleVersions.record(connection, dialect, jurisdiction, versions),
                dialect::isTransient, "the rule module versions of " + jurisdiction + " could not be recorded");
    }

    private <T> T read(Transactions.OnConnection<T> reading, String failure) {
        return transactions.read(reading, failure);
    }

    private <T> T write(Transactions.OnConnection<T> writing, Predicate<SQLException> again, String failure) {
        return transactions.write(writing, again, failure);
    }
}
