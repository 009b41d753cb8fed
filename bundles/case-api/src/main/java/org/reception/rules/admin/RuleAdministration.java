package org.reception.rules.admin;

import java.util.List;

/** What the rules host tells administrators about the rule modules it runs. */
public interface RuleAdministration {

    /** The modules serving now, one per jurisdiction, ordered by jurisdiction code. */
    List<RuleModuleInfo> activeModules();
}
