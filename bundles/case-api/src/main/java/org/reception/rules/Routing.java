package org.reception.rules;

import java.util.List;
import java.util.Objects;

import org.reception.cases.Disposition;
import org.reception.cases.Priority;

/**
 * A routing decision emitted by a rule: how the petition is disposed of (Art. 22), which unit
 * handles it, with which co-handling units, at what priority, and why. Immutable; a rule builds
 * one with a factory and inserts it:
 *
 * <pre>
 * insert( Routing.transfer( "520000-STHJT", "贵州省生态环境厅", "生态环境事项（第二十二条）" )
 *                .withCoUnits( "520000-SZRZYT" ).withPriority( Priority.HIGH ) );
 * </pre>
 *
 * <p>A module should emit one; a well-written module guards its fallback rule with
 * {@code not Routing()}. When several are emitted, the first inserted wins and a warning is logged.
 *
 * @see org.reception.cases.RoutingDecision the platform's record of it
 */
public final class Routing {

    private final Disposition disposition;
    private final String unitCode;
    private final String unitName;
    private final List<String> coUnits;
    private final Priority priority;
    private final String reason;

    private Routing(Disposition disposition, String unitCode, String unitName, List<String> coUnits,
                    Priority priority, String reason) {
        this.disposition = Objects.requireNonNull(disposition, "disposition");
        this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
        this.unitName = Objects.requireNonNull(unitName, "unitName");
        this.coUnits = List.copyOf(coUnits);
        this.priority = Objects.requireNonNull(priority, "priority");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Transfers the petition to the unit with authority over the matter (转送, 谁主管、谁负责);
     * the same as {@link #transfer(String, String, String)}.
     *
     * @param unitCode the handling unit's code: its division code, a dash, the unit's short code
     * @param unitName the unit's full name
     * @param reason why this unit, in words a clerk and the petitioner can read, with the legal basis
     */
    public Routing(String unitCode, String unitName, String reason) {
        this(Disposition.TRANSFER, unitCode, unitName, List.of(), Priority.NORMAL, reason);
    }

    /** 受理: the receiving reception center itself handles it. */
    public static Routing accept(String unitCode, String unitName, String reason) {
        return new Routing(Disposition.ACCEPT, unitCode, unitName, List.of(), Priority.NORMAL, reason);
    }

    /** 转送: to the unit with authority over the matter. */
    public static Routing transfer(String unitCode, String unitName, String reason) {
        return new Routing(unitCode, unitName, reason);
    }

    /** 交办: to a unit of a lower level, which must report back (属地管理、分级负责). */
    public static Routing assign(String unitCode, String unitName, String reason) {
        return new Routing(Disposition.ASSIGN, unitCode, unitName, List.of(), Priority.NORMAL, reason);
    }

    /**
     * 诉访分离: out of the petition channel (litigation, arbitration, discipline, reconsideration,
     * Art. 22, 31). The unit is the one that tells the petitioner where to go.
     */
    public static Routing redirect(String unitCode, String unitName, String reason) {
        return new Routing(Disposition.REDIRECT, unitCode, unitName, List.of(), Priority.NORMAL, reason);
    }

    /** 不予受理: the unit is the one that notifies the petitioner, the reason says why. */
    public static Routing notAccept(String unitCode, String unitName, String reason) {
        return new Routing(Disposition.NOT_ACCEPT, unitCode, unitName, List.of(), Priority.NORMAL, reason);
    }

    /** The same decision with these co-handling units (Art. 24: the lead unit is {@link #getUnitCode()}). */
    public Routing withCoUnits(String... unitCodes) {
        return new Routing(disposition, unitCode, unitName, List.of(unitCodes), priority, reason);
    }

    public Routing withPriority(Priority newPriority) {
        return new Routing(disposition, unitCode, unitName, coUnits, newPriority, reason);
    }

    public Disposition getDisposition() {
        return disposition;
    }

    /** The handling unit; in joint handling, the lead unit. */
    public String getUnitCode() {
        return unitCode;
    }

    public String getUnitName() {
        return unitName;
    }

    public List<String> getCoUnits() {
        return coUnits;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Routing[" + disposition + " " + unitCode + " " + unitName
                + (coUnits.isEmpty() ? "" : " with " + coUnits) + ", " + priority + ": " + reason + "]";
    }
}
