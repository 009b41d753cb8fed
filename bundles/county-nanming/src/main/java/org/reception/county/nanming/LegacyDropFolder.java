package org.reception.county.nanming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Petition;
import org.reception.cases.spi.OutboundAdapter;

/**
 * Nanming's old case system reads a folder: one file per case, {@code KEY=VALUE} lines. The
 * platform's outbox hands every case for 520102 to this adapter, which writes it to
 * {@code <karaf.data>/county-520102/outbox/<idempotency key>.txt}. A delivery repeated with the same
 * key finds its file and writes nothing: the old system reads each case once.
 */
@Component(service = OutboundAdapter.class, property = OutboundAdapter.DESTINATION + "=" + LegacyIntake.NANMING)
public final class LegacyDropFolder implements OutboundAdapter {

    private static final Logger LOG = LogManager.getLogger(LegacyDropFolder.class);

    private final Path folder;

    @Activate
    public LegacyDropFolder() {
        this.folder = Path.of(System.getProperty("karaf.data", "data"), "county-" + LegacyIntake.NANMING, "outbox");
    }

    @Override
    public void deliver(OutboxMessage message, Petition petition) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(message.idempotencyKey() + ".txt");
        if (Files.exists(file)) {
            LOG.info("Case {} was dropped already as {}", message.registrationNumber(), file.getFileName());
            return;
        }
        String lines = "MSGID=" + message.idempotencyKey() + "\nKIND=" + message.kind()
                + "\nBH=" + petition.registrationNumber() + "\nBT=" + petition.title().replace('\n', ' ')
                + "\nCAT=" + petition.category() + "\nDW=" + petition.handling().unit() + "\n";
        Path staged = Files.createTempFile(folder, "incoming", ".tmp");
        Files.writeString(staged, lines, StandardCharsets.UTF_8);
        Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
