package org.reception.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.reception.store.testing.PostgresServer;

/**
 * The database the store's tests run on: embedded Derby, or with
 * {@code -Dreception.test.database=postgresql} a fresh database of a real PostgreSQL server.
 */
final class TestDatabase {

    static final String PROPERTY = "reception.test.database";

    private TestDatabase() {
    }

    static boolean postgresql() {
        return "postgresql".equals(System.getProperty(PROPERTY, "derby"));
    }

    /** An empty database; with Derby, in {@code folder}. */
    static DataSource fresh(Path folder) {
        if (postgresql()) {
            PostgresServer server = PostgresServer.shared();
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(server.url(server.createDatabase("store")));
            dataSource.setUser(PostgresServer.ROLE);
            dataSource.setPassword(PostgresServer.ROLE_PASSWORD);
            return dataSource;
        }
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }
}
