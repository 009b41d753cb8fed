package org.reception.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.rules.admin.DeployOutcome;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleModuleInvalid;

/** Deploys a module jar: validated first, then installed or updated as a bundle and published at once. */
@Service
@Command(scope = "rules", name = "deploy",
        description = "Deploys a rule module jar (a file path or URL); a module that fails validation changes nothing")
public class RulesDeployCommand implements Action {

    @Argument(index = 0, name = "jar", description = "path or URL of the module's jar", required = true)
    String jar;

    @Reference(optional = true)
    RuleAdministration rules;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        PrintStream out = session.getConsole();
        DeployOutcome outcome;
        try (InputStream in = open(jar)) {
            outcome = Running.required(rules).deploy(in);
        } catch (RuleModuleInvalid e) {
            out.println("Refused: " + e.getMessage());
            return null;
        }
        if (outcome.accepted()) {
            out.println("Deployed " + outcome.module().id() + " " + outcome.module().version() + " for "
                    + outcome.module().jurisdiction() + "; it decides now");
        } else {
            out.println("Refused; " + (outcome.module() == null ? "no module decides for its jurisdiction"
                    : outcome.module().id() + " " + outcome.module().version() + " goes on deciding") + ":");
            outcome.errors().forEach(error -> out.println("  " + error));
        }
        return null;
    }

    static InputStream open(String location) throws Exception {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        return URI.create(location).toURL().openStream();
    }
}
