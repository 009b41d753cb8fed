package org.reception.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.reception.cases.OutboxAdministration;
import org.reception.cases.OutboxMessage;

/** Deliveries to county systems: what waits, how often it failed and why; a retry on demand. */
@Service
@Command(scope = "reception", name = "outbox",
        description = "Lists deliveries to county systems; --retry makes one due now, a refused one pending again")
public class OutboxCommand implements Action {

    @Option(name = "--all", description = "delivered ones too, not only those still waiting")
    boolean all;

    @Option(name = "--retry", description = "the id of an undelivered (pending or refused) message to attempt now")
    Long retry;

    @Reference(optional = true)
    OutboxAdministration outbox;

    @Reference
    Session session;

    @Override
    public Object execute() {
        var out = session.getConsole();
        if (retry != null) {
            out.println(Running.required(outbox).retryNow(retry) ? "Message " + retry + " is pending and due now"
                    : "No undelivered message " + retry);
            return null;
        }
        out.println("County systems registered: " + Running.required(outbox).destinations());
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Petition");
        table.column("To");
        table.column("Kind");
        table.column("Status");
        table.column("Attempts");
        table.column("Next attempt");
        table.column("Last error");
        for (OutboxMessage message : Running.required(outbox).messages(!all, 200)) {
            table.addRow().addContent(message.id(), message.registrationNumber(), message.destination(),
                    message.kind(), message.status(), message.attempts(),
                    message.nextAttemptAt() == null ? "-" : message.nextAttemptAt(),
                    message.lastError() == null ? "" : message.lastError());
        }
        table.print(out);
        return null;
    }
}
