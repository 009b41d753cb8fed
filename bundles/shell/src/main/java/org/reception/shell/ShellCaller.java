package org.reception.shell;

import java.security.AccessController;

import javax.security.auth.Subject;

import org.reception.cases.access.Caller;

/** The account signed in to the shell session, as a caller of the desk: the shell sees what the account may see. */
final class ShellCaller {

    private ShellCaller() {
    }

    @SuppressWarnings("removal")
    static Caller current() {
        // Karaf runs every command as the session's JAAS subject.
        Subject subject = Subject.getSubject(AccessController.getContext());
        return subject == null ? Caller.ANONYMOUS : Caller.of(subject);
    }
}
