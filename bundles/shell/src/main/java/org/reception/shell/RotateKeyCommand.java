package org.reception.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.PersonalDataKeys;

/** A fresh key for the petitioners' personal data at rest; everything stored is sealed again under it. */
@Service
@Command(scope = "reception", name = "rotate-personal-data-key",
        description = "Makes a fresh key current in etc/reception-pii.keys and seals every stored identity number,"
                + " phone and address again under it")
public class RotateKeyCommand implements Action {

    @Reference(optional = true)
    PersonalDataKeys keys;

    @Reference
    Session session;

    @Override
    public Object execute() {
        PersonalDataKeys.Rotation rotation = Running.required(keys).rotate();
        var out = session.getConsole();
        out.println("Key " + rotation.newKey() + " is current; " + rotation.resealed() + " stored value(s) sealed again.");
        if (!rotation.retired().isEmpty()) {
            out.println("No stored value needs " + String.join(", ", rotation.retired())
                    + " any more. Back the key file up, then remove them from it if you wish.");
        }
        return null;
    }
}
