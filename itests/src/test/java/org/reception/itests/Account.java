package org.reception.itests;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The platform accounts every test Karaf is given, in {@code etc/users.properties} as an
 * administrator would add them: each with its realm roles.
 */
enum Account {
    /** Every role over the whole province: the tests that exercise the lifecycle act as the whole center. */
    OPERATOR("clerk:52", "supervisor:52", "integration:52", "rules-admin", "auditor", "admin"),
    NANMING_CLERK("clerk:520102"),
    YUNYAN_CLERK("clerk:520103"),
    /** Nanming's public security bureau (南明区公安局). */
    NANMING_POLICE("unit:520102-GAJ"),
    /** Nanming's natural resources bureau (南明区自然资源局). */
    NANMING_LAND("unit:520102-ZRZYJ"),
    /** Nanming's discipline inspection and supervision commission (南明区纪委监委): where accusations against officials go. */
    NANMING_DISCIPLINE("unit:520102-JJJCW"),
    /** A member of Nanming's police who also supervises Guiyang: being in an accused unit outweighs every other role. */
    NANMING_POLICE_CHIEF("unit:520102-GAJ", "supervisor:5201"),
    GUIYANG_SUPERVISOR("supervisor:5201"),
    ZUNYI_SUPERVISOR("supervisor:5203"),
    RULE_ADMINISTRATOR("rules-admin"),
    NANMING_SYSTEM("integration:520102"),
    YUNYAN_SYSTEM("integration:520103"),
    AUDITOR("auditor"),
    ADMINISTRATOR("admin");

    private final List<String> roles;

    Account(String... roles) {
        this.roles = List.of(roles);
    }

    List<String> roles() {
        return roles;
    }

    String user() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    String password() {
        return user() + "-Secret-1";
    }

    /** The value of an {@code Authorization} header for this account. */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user() + ":" + password())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The account's line of {@code etc/users.properties}: the password in clear, which the realm hashes on first use. */
    String usersPropertiesLine() {
        return user() + " = " + password() + "," + String.join(",", roles);
    }
}
