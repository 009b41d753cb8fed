package org.reception.rules.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reception.cases.spi.RuleModuleLedger;
import org.reception.rules.admin.RuleModuleSource;

/** What the host writes to the ledger of module versions, against a ledger kept in memory as the store keeps it. */
class ModuleRecordsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    private final RuleEvaluator evaluator = new RuleEvaluator(100, 2_000);
    private final RuleModuleCompiler compiler = new RuleModuleCompiler(evaluator);
    private final MemoryLedger ledger = new MemoryLedger();

    @AfterEach
    void close() {
        evaluator.close();
    }

    /** A version dropped from the history (its row and files deleted) that arrives again is written with its files. */
    @Test
    void aVersionDroppedFromTheHistoryAndBackAgainIsRecordedWithItsFiles() throws Exception {
        ModuleRecords records = new ModuleRecords(ledger);
        records.read();
        RuleBases bases = new RuleBases(1);
        CompiledRuleModule v1 = compiler.compile(version("1", "520102-XFJ"));
        for (CompiledRuleModule module : List.of(v1, compiler.compile(version("2", "520102-MZJ")),
                compiler.compile(version("3", "520102-WJJ")))) {
            bases.publish(module, NOW);
            records.arrived(module, "deploy/nanming.jar");
            records.save("520102", bases);
        }
        assertEquals(List.of("3 ACTIVE", "2 KEPT"), ledger.states("520102"), "version 1 was let go");

        CompiledRuleModule again = compiler.compile(version("1", "520102-XFJ"));
        bases.publish(again, NOW);
        records.arrived(again, "deploy/nanming.jar");
        records.save("520102", bases);

        assertNotNull(ledger.rows.get(again.fingerprint()).files(), "recorded with its files again");
    }

    @Test
    void nothingIsWrittenWhenTheLedgerCouldNotBeRead() throws Exception {
        ModuleRecords records = new ModuleRecords(ledger);
        ledger.rows.put("recorded", new RuleModuleLedger.Version("520102", "recorded", "nanming", "0", "o", "s",
                RuleModuleLedger.State.ACTIVE, 0, 1, NOW, null, new byte[1]));
        RuleBases bases = new RuleBases(1);
        bases.publish(compiler.compile(version("1", "520102-XFJ")), NOW);

        records.save("520102", bases);

        assertEquals(List.of("0 ACTIVE"), ledger.states("520102"), "what the ledger holds is not replaced unread");
    }

    @Test
    void aVersionWithdrawnBecauseItsBundleStoppedIsRecordedSoAndComesBackAsAnyArrival() throws Exception {
        ModuleRecords records = new ModuleRecords(ledger);
        records.read();
        RuleBases bases = new RuleBases(2);
        CompiledRuleModule v1 = compiler.compile(version("1", "520102-XFJ"));
        bases.publish(v1, NOW);
        records.arrived(v1, "deploy/nanming.jar");
        bases.withdraw(v1);
        records.withdrawnOnStop(v1);
        records.save("520102", bases);
        assertEquals(List.of("1 WITHDRAWN"), ledger.states("520102"));

        bases.publish(v1, NOW);
        records.arrived(v1, "deploy/nanming.jar");
        records.save("520102", bases);
        assertEquals(List.of("1 ACTIVE"), ledger.states("520102"));
    }

    private static RuleModuleSource version(String version, String unit) {
        return new RuleModuleSource("nanming", version, "520102", Map.of("rules.drl", """
                package nanming
                import org.reception.rules.PetitionFact
                import org.reception.rules.Routing
                rule "Everything to %s"
                when PetitionFact()
                then insert( new Routing( "%s", "单位", "测试" ) );
                end
                """.formatted(unit, unit)), Map.of(), "test");
    }

    /** The store's contract: a jurisdiction's rows replaced whole; files kept on update unless given. */
    private static final class MemoryLedger implements RuleModuleLedger {
        final Map<String, Version> rows = new TreeMap<>();

        @Override
        public List<Version> versions() {
            return new ArrayList<>(rows.values());
        }

        @Override
        public void record(String jurisdiction, List<Version> versions) {
            Map<String, Version> before = new TreeMap<>(rows);
            rows.values().removeIf(row -> row.jurisdiction().equals(jurisdiction));
            for (Version version : versions) {
                Version old = before.get(version.fingerprint());
                boolean mayDecide = version.state() != State.SET_ASIDE && version.state() != State.REFUSED;
                byte[] files = !mayDecide ? null : version.files() != null ? version.files()
                        : old == null ? null : old.files();
                rows.put(version.fingerprint(), new Version(version.jurisdiction(), version.fingerprint(),
                        version.moduleId(), version.version(), version.origin(), version.source(), version.state(),
                        version.position(), version.ruleCount(), version.changedAt(), version.refusal(), files));
            }
        }

        List<String> states(String jurisdiction) {
            return rows.values().stream().filter(row -> row.jurisdiction().equals(jurisdiction))
                    .sorted((a, b) -> a.state().compareTo(b.state()))
                    .map(row -> row.version() + " " + row.state()).toList();
        }
    }
}
