package org.reception.store;

import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema to the version this bundle needs; a no-op when it is already there. */
final class SchemaMigration {

    private static final Logger LOG = LogManager.getLogger(SchemaMigration.class);

    private SchemaMigration() {
    }

    static void migrate(DataSource dataSource, Dialect dialect) {
        // Flyway must look for the scripts with this bundle's class loader, not the thread's.
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(Dialect.COMMON_MIGRATIONS, dialect.migrations())
                .table(dialect.historyTable())
                .javaMigrations(new V21__co_units_as_rows())
                .load();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0 && result.initialSchemaVersion == null) {
            LOG.info("Database schema created at version {} on {} ({} migrations)", result.targetSchemaVersion,
                    dialect, result.migrationsExecuted);
        } else if (result.migrationsExecuted > 0) {
            LOG.info("Database schema migrated from version {} to {} on {} ({} migrations)",
                    result.initialSchemaVersion, result.targetSchemaVersion, dialect, result.migrationsExecuted);
        } else {
            LOG.info("Database schema is up to date at version {} on {}", flyway.info().current().getVersion(), dialect);
        }
    }
}
