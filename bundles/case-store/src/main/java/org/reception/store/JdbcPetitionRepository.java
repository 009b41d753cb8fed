package org.reception.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionStatus;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;
import org.reception.cases.spi.PetitionRepository;

/**
 * Petitions in the platform's relational database. Each write is one transaction; the schema is
 * migrated when the component starts, before it offers itself as a service.
 */
@Component(service = {PetitionRepository.class, HealthCheck.class},
        property = HealthCheck.NAME + "=store")
public final class JdbcPetitionRepository implements PetitionRepository, HealthCheck {

    private static final Logger LOG = LogManager.getLogger(JdbcPetitionRepository.class);

    /** Registration years follow the calendar of the reception centers, China Standard Time. */
    static final ZoneId REGISTRATION_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String DUPLICATE_KEY = "23505";
    private static final int MAX_ATTEMPTS = 5;
    private static final String RULE_SEPARATOR = "\n";

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public JdbcPetitionRepository(@Reference(target = "(dataSourceName=reception)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JdbcPetitionRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        SchemaMigration.migrate(dataSource);
    }

    @Override
    public Petition create(NewPetition petition, Instant receivedAt, RoutingDecision routing) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return inTransaction(connection, () -> insert(connection, petition, receivedAt, routing));
            } catch (SQLException e) {
                // Two first registrations of a jurisdiction's year race for the sequence row; retry.
                if (DUPLICATE_KEY.equals(e.getSQLState()) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("Registration sequence contended, attempt {}", attempt);
                    continue;
                }
                throw new ServiceUnavailable("the petition could not be stored", e);
            }
        }
    }

    private Petition insert(Connection connection, NewPetition petition, Instant receivedAt,
                            RoutingDecision routing) throws SQLException {
        String id = UUID.randomUUID().toString();
        int year = receivedAt.atZone(REGISTRATION_ZONE).getYear();
        int sequence = nextSequence(connection, petition.jurisdiction(), year);
        String registrationNumber = String.format("%s-%d-%06d", petition.jurisdiction(), year, sequence);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO petition (id, registration_number, channel, category, title, content,"
                        + " jurisdiction, received_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, registrationNumber);
            insert.setString(3, petition.channel().name());
            insert.setString(4, petition.category().name());
            insert.setString(5, petition.title());
            insert.setString(6, petition.content());
            insert.setString(7, petition.jurisdiction());
            insert.setTimestamp(8, Timestamp.from(receivedAt), utc());
            insert.setString(9, PetitionStatus.REGISTERED.name());
            insert.setTimestamp(10, Timestamp.from(clock.instant()), utc());
            insert.executeUpdate();
        }
        insertRouting(connection, id, 1, routing);
        return new Petition(id, registrationNumber, petition.channel(), petition.category(), petition.title(),
                petition.content(), petition.jurisdiction(), receivedAt, PetitionStatus.REGISTERED, routing);
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
                        + " module_version, module_jurisdiction, rules_fired, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, petitionId);
            insert.setInt(2, seq);
            insert.setString(3, routing.unitCode());
            insert.setString(4, routing.unitName());
            insert.setString(5, routing.reason());
            insert.setString(6, provenance.moduleId());
            insert.setString(7, provenance.moduleVersion());
            insert.setString(8, provenance.jurisdiction());
            insert.setString(9, String.join(RULE_SEPARATOR, provenance.rulesFired()));
            insert.setTimestamp(10, Timestamp.from(routing.decidedAt()), utc());
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<Petition> findById(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT p.id, p.registration_number, p.channel, p.category, p.title, p.content,"
                             + " p.jurisdiction, p.received_at, p.status, r.unit_code, r.unit_name, r.reason,"
                             + " r.module_id, r.module_version, r.module_jurisdiction, r.rules_fired, r.decided_at"
                             + " FROM petition p JOIN routing_decision r ON r.petition_id = p.id"
                             + " WHERE p.id = ?"
                             + " AND r.seq = (SELECT MAX(seq) FROM routing_decision WHERE petition_id = p.id)")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(petition(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ServiceUnavailable("the petition could not be read", e);
        }
    }

    private static Petition petition(ResultSet row) throws SQLException {
        List<String> rulesFired = Arrays.asList(row.getString("rules_fired").split(RULE_SEPARATOR));
        RoutingDecision routing = new RoutingDecision(row.getString("unit_code"), row.getString("unit_name"),
                row.getString("reason"), row.getTimestamp("decided_at", utc()).toInstant(),
                new RuleProvenance(row.getString("module_id"), row.getString("module_version"),
                        row.getString("module_jurisdiction"), rulesFired));
        return new Petition(row.getString("id"), row.getString("registration_number"),
                Channel.valueOf(row.getString("channel")), Category.valueOf(row.getString("category")),
                row.getString("title"), row.getString("content"), row.getString("jurisdiction"),
                row.getTimestamp("received_at", utc()).toInstant(),
                PetitionStatus.valueOf(row.getString("status")), routing);
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

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
