package org.reception.rules;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.reception.cases.RedactedField;

/**
 * A confidentiality decision emitted by a rule (Art. 30: never hand accusation materials or the
 * accuser's identity to the accused). Immutable; built from a factory and refined with withers:
 *
 * <pre>
 * insert( Confidentiality.hiddenFrom( $petition.getAccused(), "检举控告材料不得转给被检举人（第三十条）" )
 *                        .withIdentityHidden().redacting( RedactedField.CONTENT ) );
 * </pre>
 *
 * <p>The decisions of all layers and all rules combine to the strictest: identity hidden if any
 * says so, the union of the excluded and of the redacted fields, and the intersection of the
 * reader circles that are restricted.
 */
public final class Confidentiality {

    private final boolean identityHidden;
    private final Set<String> hiddenFrom;
    private final Set<RedactedField> redacted;
    private final Set<String> readers;
    private final String reason;

    private Confidentiality(boolean identityHidden, Set<String> hiddenFrom, Set<RedactedField> redacted,
                            Set<String> readers, String reason) {
        this.identityHidden = identityHidden;
        this.hiddenFrom = Set.copyOf(hiddenFrom);
        this.redacted = redacted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(redacted));
        this.readers = Set.copyOf(readers);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Keeps the petitioners' names, addresses, identity numbers and phones from every reader who does not need them. */
    public static Confidentiality identityHidden(String reason) {
        return new Confidentiality(true, Set.of(), Set.of(), Set.of(), reason);
    }

    /**
     * The case must never reach these units or persons: unit codes (e.g. {@code 520102-ZJJ}),
     * unit names or persons' names as the petition names them.
     */
    public static Confidentiality hiddenFrom(List<String> unitsOrPersons, String reason) {
        return new Confidentiality(false, new LinkedHashSet<>(unitsOrPersons), Set.of(), Set.of(), reason);
    }

    /** Only these units (codes) may read the case, besides the reception center and supervisors. */
    public static Confidentiality readableOnlyBy(List<String> unitCodes, String reason) {
        return new Confidentiality(false, Set.of(), Set.of(), new LinkedHashSet<>(unitCodes), reason);
    }

    public Confidentiality withIdentityHidden() {
        return new Confidentiality(true, hiddenFrom, redacted, readers, reason);
    }

    /** The same decision, also withholding these fields from readers outside the circle. */
    public Confidentiality redacting(RedactedField... fields) {
        Set<RedactedField> more = EnumSet.noneOf(RedactedField.class);
        more.addAll(redacted);
        more.addAll(List.of(fields));
        return new Confidentiality(identityHidden, hiddenFrom, more, readers, reason);
    }

    public boolean isIdentityHidden() {
        return identityHidden;
    }

    public Set<String> getHiddenFrom() {
        return hiddenFrom;
    }

    public Set<RedactedField> getRedacted() {
        return redacted;
    }

    /** Empty: not restricted beyond the rest of the decision. */
    public Set<String> getReaders() {
        return readers;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Confidentiality[identityHidden=" + identityHidden + ", hiddenFrom=" + hiddenFrom + ", redacted="
                + redacted + ", readers=" + readers + ": " + reason + "]";
    }
}
