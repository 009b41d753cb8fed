package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.NewPetition;
import org.reception.cases.Petition;
import org.reception.cases.PetitionStatus;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;

class JdbcPetitionRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

    @TempDir
    Path folder;

    private EmbeddedDataSource dataSource;
    private JdbcPetitionRepository repository;

    @BeforeEach
    void openDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        repository = new JdbcPetitionRepository(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesAndReadsBackAPetitionWithItsRoutingDecision() {
        Petition created = repository.create(petition("520102"), NOW, routing());

        Petition read = repository.findById(created.id()).orElseThrow();

        assertEquals(created, read);
        assertEquals(PetitionStatus.REGISTERED, read.status());
        assertEquals("黑臭水体", read.title());
        assertEquals(List.of("route environment", "second rule"), read.routing().provenance().rulesFired());
    }

    @Test
    void registrationNumbersCountPerJurisdictionAndYear() {
        assertEquals("520102-2026-000001", repository.create(petition("520102"), NOW, routing()).registrationNumber());
        assertEquals("520102-2026-000002", repository.create(petition("520102"), NOW, routing()).registrationNumber());
        assertEquals("520103-2026-000001", repository.create(petition("520103"), NOW, routing()).registrationNumber());
        Instant newYearInChina = Instant.parse("2026-12-31T16:00:00Z");
        assertEquals("520102-2027-000001",
                repository.create(petition("520102"), newYearInChina, routing()).registrationNumber());
    }

    @Test
    void unknownIdIsNotFound() {
        assertTrue(repository.findById("no-such-id").isEmpty());
    }

    @Test
    void migratingAnUpToDateSchemaChangesNothing() throws SQLException {
        Petition created = repository.create(petition("520102"), NOW, routing());

        JdbcPetitionRepository again = new JdbcPetitionRepository(dataSource, Clock.systemUTC());

        assertEquals(created, again.findById(created.id()).orElseThrow());
        assertEquals(1, count("SELECT COUNT(*) FROM schema_history WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"));
    }

    @Test
    void reportsHealthyWhileTheDatabaseAnswers() {
        assertTrue(repository.check().up());
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static NewPetition petition(String jurisdiction) {
        return new NewPetition(Channel.ONLINE, Category.ENVIRONMENT, "黑臭水体", "小区旁的河道长期发黑发臭。",
                jurisdiction, null);
    }

    private static RoutingDecision routing() {
        return new RoutingDecision("520000-STHJT", "贵州省生态环境厅", "环境污染", NOW,
                new RuleProvenance("province-base", "0.1.0", "52", List.of("route environment", "second rule")));
    }
}
