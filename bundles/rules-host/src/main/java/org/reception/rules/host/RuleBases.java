package org.reception.rules.host;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.rules.admin.RuleModuleInfo;
import org.reception.rules.admin.RuleModuleSource;

/**
 * The rule bases that serve, one per jurisdiction, and the versions each replaced. Publishing
 * replaces a jurisdiction's module with one reference swap: an evaluation holds the module it
 * started with until it ends, so none ever sees a mix, and none waits for a compilation.
 */
public final class RuleBases {

    /** A module that serves, and since when. */
    public record Serving(CompiledRuleModule module, Instant since) {
    }

    /**
     * A version kept for a rollback: its files, not its rule base, so that a jurisdiction's
     * history costs the heap of its text alone (a compiled module of 500 rules keeps about 9 MB).
     * A rollback compiles it again; {@code compiled} is set only for the version serving, as
     * {@link #serving} shows it.
     */
    public record Kept(RuleModuleSource source, String fingerprint, int ruleCount, CompiledRuleModule compiled) {

        static Kept of(CompiledRuleModule module) {
            return new Kept(module.source(), module.fingerprint(), module.ruleCount(), module);
        }

        static Kept filesOf(CompiledRuleModule module) {
            return new Kept(module.source(), module.fingerprint(), module.ruleCount(), null);
        }

        public String jurisdiction() {
            return source.jurisdiction();
        }

        public RuleModuleInfo info() {
            return compiled != null ? compiled.info(null, RuleModuleInfo.State.SUPERSEDED)
                    : new RuleModuleInfo(source.id(), source.version(), source.jurisdiction(), ruleCount,
                            source.origin(), null, RuleModuleInfo.State.SUPERSEDED);
        }
    }

    /** Compiles a kept version that a rollback brings back. */
    @FunctionalInterface
    public interface Recompiler {
        CompiledRuleModule compile(RuleModuleSource source) throws RuleModuleRejected;
    }

    private final Map<String, Serving> byJurisdiction = new ConcurrentHashMap<>();
    /** Newest first; guarded by {@code this}. Readers of {@link #byJurisdiction} never take the lock. */
    private final Map<String, Deque<Kept>> kept = new HashMap<>();
    private int keep;

    /** @param keep how many replaced versions to keep per jurisdiction for a rollback */
    public RuleBases(int keep) {
        this.keep = keep;
    }

    public RuleBases() {
        this(3);
    }

    /** Keeps this many replaced versions per jurisdiction from now on; older ones beyond it are let go. */
    public synchronized void keepVersions(int versions) {
        this.keep = versions;
        kept.values().forEach(deque -> {
            while (deque.size() > keep) {
                deque.removeLast();
            }
        });
    }

    /** @return the module it replaces, if any; that one is kept for a rollback */
    public synchronized Optional<CompiledRuleModule> publish(CompiledRuleModule module, Instant now) {
        Serving replaced = byJurisdiction.put(module.jurisdiction(), new Serving(module, now));
        if (replaced != null && replaced.module() != module) {
            keep(replaced.module());
        }
        return Optional.ofNullable(replaced).map(Serving::module);
    }

    public Optional<CompiledRuleModule> publish(CompiledRuleModule module) {
        return publish(module, Instant.now());
    }

    /**
     * Withdraws the module only if it is still the one serving its jurisdiction, so that a late
     * withdrawal of a replaced version never removes its successor. It is kept for a rollback.
     */
    public synchronized boolean withdraw(CompiledRuleModule module) {
        Serving serving = byJurisdiction.get(module.jurisdiction());
        if (serving == null || serving.module() != module) {
            return false;
        }
        byJurisdiction.remove(module.jurisdiction());
        keep(module);
        return true;
    }

    /**
     * Serves the version the jurisdiction's module replaced last, in its place, compiled again from
     * its files; the one it replaces is dropped, not kept, so that a second rollback goes one
     * further back.
     *
     * @throws RuleModuleRejected if that version no longer passes validation; nothing changes then
     */
    public synchronized Optional<CompiledRuleModule> rollback(String jurisdiction, Instant now, Recompiler recompiler)
            throws RuleModuleRejected {
        Deque<Kept> versions = kept.get(jurisdiction);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        Kept previous = versions.peekFirst();
        CompiledRuleModule module = previous.compiled() != null ? previous.compiled()
                : recompiler.compile(previous.source());
        versions.removeFirst();
        module.counters().suspended.set(false);
        byJurisdiction.put(jurisdiction, new Serving(module, now));
        return Optional.of(module);
    }

    /** Puts a version first among the jurisdiction's kept ones: the next rollback brings it back. */
    public synchronized void restoreKeptFirst(Kept version) {
        Deque<Kept> versions = kept.computeIfAbsent(version.jurisdiction(), j -> new ArrayDeque<>());
        versions.removeIf(old -> old.fingerprint().equals(version.fingerprint()));
        versions.addFirst(version);
        while (versions.size() > keep) {
            versions.removeLast();
        }
    }

    /** Puts back, at the end of the jurisdiction's kept versions, one restored from the ledger. */
    public synchronized void restoreKept(Kept version) {
        Deque<Kept> versions = kept.computeIfAbsent(version.jurisdiction(), j -> new ArrayDeque<>());
        if (versions.size() < keep) {
            versions.addLast(version);
        }
    }

    private void keep(CompiledRuleModule module) {
        Deque<Kept> versions = kept.computeIfAbsent(module.jurisdiction(), j -> new ArrayDeque<>());
        versions.removeIf(old -> old.fingerprint().equals(module.fingerprint()));
        versions.addFirst(Kept.filesOf(module));
        while (versions.size() > keep) {
            versions.removeLast();
        }
    }

    public synchronized List<Kept> kept(String jurisdiction) {
        return List.copyOf(kept.getOrDefault(jurisdiction, new ArrayDeque<>()));
    }

    /** The jurisdictions that have a module serving or kept. */
    public synchronized java.util.Set<String> jurisdictions() {
        java.util.Set<String> all = new java.util.TreeSet<>(byJurisdiction.keySet());
        kept.forEach((jurisdiction, versions) -> {
            if (!versions.isEmpty()) {
                all.add(jurisdiction);
            }
        });
        return all;
    }

    public Optional<Serving> serving(String jurisdiction) {
        return Optional.ofNullable(byJurisdiction.get(jurisdiction));
    }

    public Optional<CompiledRuleModule> forJurisdiction(String code) {
        return serving(code).map(Serving::module);
    }

    /**
     * The modules that decide for a county, most local first: county, prefecture, province;
     * {@code replacing} (if not null) in place of the module of its own jurisdiction. Suspended
     * modules are in the list: they decide nothing, but the decider must know they are there.
     */
    public List<CompiledRuleModule> layersFor(String countyCode, CompiledRuleModule replacing) {
        List<CompiledRuleModule> layers = new ArrayList<>(3);
        List<Division> chain = Divisions.reference().chain(countyCode);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String code = chain.get(i).code();
            CompiledRuleModule module = replacing != null && replacing.jurisdiction().equals(code)
                    ? replacing : forJurisdiction(code).orElse(null);
            if (module != null) {
                layers.add(module);
            }
        }
        return layers;
    }

    public List<CompiledRuleModule> layersFor(String countyCode) {
        return layersFor(countyCode, null);
    }

    public Collection<Serving> all() {
        return List.copyOf(byJurisdiction.values());
    }
}
