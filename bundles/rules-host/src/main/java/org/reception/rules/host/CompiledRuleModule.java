package org.reception.rules.host;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.kie.api.KieBase;
import org.reception.cases.Sha256;
import org.reception.rules.admin.RuleModuleInfo;
import org.reception.rules.admin.RuleModuleSource;

/**
 * A rule module that compiled and passed validation, ready to decide. Its rule base is immutable
 * and shared by all evaluations; only its counters move.
 */
public record CompiledRuleModule(RuleModuleSource source, KieBase kieBase, List<String> ruleNames, Counters counters,
                                 Set<String> departments) {

    /** @param departments the department codes its text names, which its decisions may route to (see {@link DecisionCheck}) */
    public CompiledRuleModule {
        ruleNames = List.copyOf(ruleNames);
        departments = Set.copyOf(departments);
    }

    public CompiledRuleModule(RuleModuleSource source, KieBase kieBase, List<String> ruleNames, Counters counters) {
        this(source, kieBase, ruleNames, counters, DecisionCheck.departmentsNamedIn(source.drl().values()));
    }

    public String id() {
        return source.id();
    }

    public String version() {
        return source.version();
    }

    public String jurisdiction() {
        return source.jurisdiction();
    }

    /** What tells this version apart from every other: its id, version, jurisdiction and files. */
    public String fingerprint() {
        return fingerprint(source);
    }

    public static String fingerprint(RuleModuleSource source) {
        return Sha256.hex(String.join("\u001f", source.id(), source.version(), source.jurisdiction(),
                source.drl().toString(), source.tests().toString()));
    }

    public int ruleCount() {
        return ruleNames.size();
    }

    public RuleModuleInfo info(Instant activatedAt, RuleModuleInfo.State state) {
        return new RuleModuleInfo(id(), version(), jurisdiction(), ruleCount(), source.origin(), activatedAt,
                counters.suspended.get() ? RuleModuleInfo.State.SUSPENDED : state);
    }

    /** How a module has fared since it was compiled. */
    public static final class Counters {
        final AtomicLong evaluations = new AtomicLong();
        final AtomicLong runaways = new AtomicLong();
        /** Set when an evaluation outlived the time limit: its thread may still spin, so the module stops deciding. */
        final AtomicBoolean suspended = new AtomicBoolean();

        public long evaluations() {
            return evaluations.get();
        }

        public long runaways() {
            return runaways.get();
        }

        public boolean suspended() {
            return suspended.get();
        }
    }
}
