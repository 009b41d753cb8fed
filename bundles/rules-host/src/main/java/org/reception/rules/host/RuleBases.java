package org.reception.rules.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;

/**
 * The rule bases that serve, one per jurisdiction. Publishing replaces a jurisdiction's module
 * with one reference swap: an evaluation holds the module it started with until it ends, so none
 * ever sees a mix, and none waits for a compilation.
 */
public final class RuleBases {

    private final Map<String, CompiledRuleModule> byJurisdiction = new ConcurrentHashMap<>();

    /** @return the module it replaces, if any */
    public Optional<CompiledRuleModule> publish(CompiledRuleModule module) {
        return Optional.ofNullable(byJurisdiction.put(module.jurisdiction(), module));
    }

    /**
     * Withdraws the module only if it is still the one serving its jurisdiction, so that a late
     * withdrawal of a replaced version never removes its successor.
     */
    public boolean withdraw(CompiledRuleModule module) {
        return byJurisdiction.remove(module.jurisdiction(), module);
    }

    public Optional<CompiledRuleModule> forJurisdiction(String code) {
        return Optional.ofNullable(byJurisdiction.get(code));
    }

    /** The modules that decide for a county, most local first: county, prefecture, province. */
    public List<CompiledRuleModule> layersFor(String countyCode) {
        List<CompiledRuleModule> layers = new ArrayList<>(3);
        List<Division> chain = Divisions.reference().chain(countyCode);
        for (int i = chain.size() - 1; i >= 0; i--) {
            CompiledRuleModule module = byJurisdiction.get(chain.get(i).code());
            if (module != null) {
                layers.add(module);
            }
        }
        return layers;
    }

    public Collection<CompiledRuleModule> all() {
        return List.copyOf(byJurisdiction.values());
    }
}
