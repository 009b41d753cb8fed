package org.reception.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V21: the co-units of each case as rows of their own, so that a unit's cases are found through an
 * index (its code first) rather than by a scan of every case's joined list; the rows of the cases
 * stored before are written from that list. Java, because neither database's SQL splits the list
 * the same way. Named as Flyway names a versioned migration; passed to it explicitly, not scanned.
 */
final class V21__co_units_as_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE petition_co_unit ("
                    + " unit_code VARCHAR(40) NOT NULL,"
                    + " petition_id CHAR(36) NOT NULL,"
                    + " CONSTRAINT pk_petition_co_unit PRIMARY KEY (unit_code, petition_id),"
                    + " CONSTRAINT fk_petition_co_unit_petition FOREIGN KEY (petition_id) REFERENCES petition (id))");
            // PostgreSQL indexes no foreign key of itself; a case's rows are replaced by its id.
            ddl.execute("CREATE INDEX ix_petition_co_unit_petition ON petition_co_unit (petition_id)");
        }
        try (Statement select = connection.createStatement();
             ResultSet cases = select.executeQuery(
                     "SELECT id, co_units FROM petition WHERE co_units IS NOT NULL AND co_units <> ''");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO petition_co_unit (unit_code, petition_id) VALUES (?, ?)")) {
            int batched = 0;
            while (cases.next()) {
                for (String unit : new java.util.LinkedHashSet<>(PetitionRows.split(cases.getString("co_units")))) {
                    insert.setString(1, unit);
                    insert.setString(2, cases.getString("id"));
                    insert.addBatch();
                    if (++batched % 500 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
