package org.reception.core;

import java.util.List;

import org.reception.cases.Petition;
import org.reception.cases.Petitioner;

/**
 * What every read of a petition shows of its petitioners until readers are known by role: identity
 * numbers and phones masked always, names and addresses too when the petitioners asked for
 * confidentiality or a rule hid their identity. Applied by the desk to every petition it hands out, whatever the read path.
 */
final class Redaction {

    private Redaction() {
    }

    static Petition of(Petition petition) {
        boolean identityHidden = petition.confidential() || petition.confidentiality().identityHidden();
        List<Petitioner> masked = petition.petitioners().stream()
                .map(petitioner -> mask(petitioner, identityHidden)).toList();
        return new Petition(petition.id(), petition.registrationNumber(), petition.channel(), petition.type(),
                petition.category(), petition.title(), petition.content(), petition.jurisdiction(),
                petition.receivedAt(), masked, petition.accused(), petition.confidential(),
                petition.linkedPetitions(), petition.status(), petition.routing(), petition.confidentiality(),
                petition.escalations(), petition.handling(),
                petition.deadlines(), petition.supervisions(), petition.version());
    }

    static Petitioner mask(Petitioner petitioner, boolean confidential) {
        return new Petitioner(confidential ? name(petitioner.name()) : petitioner.name(),
                keepEnds(petitioner.residentId(), 6, 4), keepEnds(petitioner.phone(), 3, 4),
                confidential && petitioner.address() != null ? "***" : petitioner.address(),
                petitioner.representative());
    }

    /** 张三 becomes 张*, 欧阳娜娜 becomes 欧***. */
    static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** Keeps {@code head} characters in front and {@code tail} at the end, stars in between. */
    static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
