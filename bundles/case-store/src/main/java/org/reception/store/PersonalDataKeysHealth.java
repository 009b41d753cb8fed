package org.reception.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.health.HealthCheck;
import org.reception.cases.health.HealthStatus;

/**
 * Says on the health endpoint why the store did not start when the key file does not fit the
 * database ({@link KeyGuard}): the store itself is then not running and cannot say it.
 */
@Component(service = HealthCheck.class, property = HealthCheck.NAME + "=personal-data-keys")
public final class PersonalDataKeysHealth implements HealthCheck {

    private final DataSource dataSource;
    private final Path keyFile;

    @Activate
    public PersonalDataKeysHealth(@Reference(target = "(dataSourceName=reception)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.keyFile = JdbcPetitionRepository.keyFileInEtc();
    }

    /** The last answer and the key file's state it was given for: a fitting file is not checked again until it changes. */
    private record Checked(HealthStatus status, FileTime stamp) {
    }

    private volatile Checked last;

    @Override
    public HealthStatus check() {
        FileTime stamp = stamp();
        Checked known = last;
        if (known != null && known.status().up() && Objects.equals(known.stamp(), stamp)) {
            return known.status();
        }
        HealthStatus status = KeyGuard.problem(dataSource, keyFile).map(HealthStatus::down)
                .orElseGet(() -> HealthStatus.up("the key file opens the stored personal data"));
        last = new Checked(status, stamp);
        return status;
    }

    private FileTime stamp() {
        try {
            return Files.getLastModifiedTime(keyFile);
        } catch (IOException absent) {
            return null;
        }
    }
}
