package org.reception.rules;

import java.util.Objects;

/**
 * A routing decision emitted by a rule: the unit that handles the petition, and why. A rule
 * inserts it: {@code insert(new Routing("520000-STJ", "贵州省生态环境厅", "环境污染属生态环境部门职责"));}
 *
 * <p>A module should emit one; a well-written module guards its fallback rule with
 * {@code not Routing()}. When several are emitted, the first inserted wins.
 *
 * @see org.reception.cases.RoutingDecision the platform's record of it
 */
public final class Routing {

    private final String unitCode;
    private final String unitName;
    private final String reason;

    /**
     * @param unitCode the handling unit's code: its division code, a dash, and the unit's short code
     * @param unitName the unit's full name
     * @param reason why this unit, in words a clerk and the petitioner can read (with the legal basis)
     */
    public Routing(String unitCode, String unitName, String reason) {
        this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
        this.unitName = Objects.requireNonNull(unitName, "unitName");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Routing[" + unitCode + " " + unitName + ": " + reason + "]";
    }
}
