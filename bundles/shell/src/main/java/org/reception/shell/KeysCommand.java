package org.reception.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.PersonalDataKeyFile;

/**
 * Lists, backs up and restores the keys of the petitioners' personal data: {@code list}, {@code export
 * <file>} (encrypted under a passphrase) and {@code import <file>} (adds the keys the key file lacks,
 * or restores a missing key file). The passphrase is asked for, or read from a file for scripts.
 */
@Service
@Command(scope = "reception", name = "keys",
        description = "Lists the personal data keys, exports them to a passphrase-encrypted backup, or imports a backup"
                + " into etc/reception-pii.keys (restart afterwards)")
public class KeysCommand implements Action {

    @Argument(index = 0, name = "operation", required = true, description = "list, export or import")
    String operation;

    @Argument(index = 1, name = "backup", description = "the backup file to write (export) or read (import)")
    String backup;

    @Option(name = "--passphrase-file", description = "read the passphrase from this file instead of asking for it")
    String passphraseFile;

    @Reference
    PersonalDataKeyFile keys;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        var out = session.getConsole();
        try {
            switch (operation) {
                case "list" -> {
                    List<String> ids = keys.keyIds();
                    out.println("Current: " + ids.get(0));
                    if (ids.size() > 1) {
                        out.println("Older:   " + String.join(", ", ids.subList(1, ids.size())));
                    }
                }
                case "export" -> {
                    keys.export(Path.of(required()), passphrase());
                    out.println("Keys " + keys.keyIds() + " exported to " + backup + ". Keep it apart from the"
                            + " database's backups, and the passphrase apart from both.");
                }
                case "import" -> {
                    List<String> added = keys.importKeys(Path.of(required()), passphrase());
                    out.println(added.isEmpty() ? "The key file holds every key of the backup already."
                            : "Keys added: " + String.join(", ", added) + ". Restart the platform for the store to"
                            + " read them.");
                }
                default -> out.println("Unknown operation '" + operation + "': list, export or import.");
            }
        } catch (IllegalArgumentException refused) {
            out.println("Refused: " + refused.getMessage());
        }
        return null;
    }

    private String required() {
        if (backup == null || backup.isBlank()) {
            throw new IllegalArgumentException("name the backup file: reception:keys " + operation + " <file>");
        }
        return backup;
    }

    private char[] passphrase() throws IOException {
        if (passphraseFile != null) {
            return Files.readString(Path.of(passphraseFile), StandardCharsets.UTF_8).strip().toCharArray();
        }
        String typed = session.readLine("Passphrase: ", '*');
        return typed == null ? new char[0] : typed.toCharArray();
    }
}
