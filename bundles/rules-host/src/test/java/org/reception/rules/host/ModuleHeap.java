package org.reception.rules.host;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reception.rules.admin.RuleModuleSource;

/**
 * The heap a rule module takes: what one compiled version keeps while it serves or is kept for a
 * rollback, and the peak a compilation reaches, for the province's module and for the largest
 * module the host compiles (the rule count at its limit). Run by {@code benchmarks/rules-benchmark.sh}
 * with the heap the platform ships with; prints one line per module.
 */
public final class ModuleHeap {

    private static final int KEPT = Integer.getInteger("bench.kept", 10);

    private ModuleHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(System.getProperty("rules.dir", "../../rules"));
        RuleModuleCompiler compiler = new RuleModuleCompiler(new RuleEvaluator(10_000, 2_000));
        measure("the province's module", compiler, RuleModuleFolders.read(
                rules.resolve("province-base/src/main/resources/rules"), "province-base", "bench", "52"));
        StringBuilder largest = new StringBuilder("""
                package bench
                import org.reception.cases.Category
                import org.reception.rules.PetitionFact
                import org.reception.rules.Routing
                """);
        int ruleCount = Integer.getInteger("bench.rules", ModuleConditions.MAX_RULES);
        for (int i = 0; i < ruleCount; i++) {
            // Every rule as large as its decision may be: a reason at the bound, so the source is near its own.
            largest.append("rule \"Rule ").append(i).append("\"\nwhen PetitionFact( category == Category.HEALTH, mentions( \"词")
                    .append(i).append("\" ) )\nthen insert( new Routing( \"520102-WJJ\", \"卫生健康局\", \"")
                    .append(String.format("%-200s", "第" + i + "条").replace(' ', '理')).append("\" ) );\nend\n");
        }
        System.out.printf("(its source: %d characters)%n", largest.length());
        measure("a module of " + ruleCount + " rules (the most the host compiles: " + ModuleConditions.MAX_RULES + ")", compiler,
                new RuleModuleSource("largest", "bench", "520102", Map.of("rules.drl", largest.toString()), Map.of(),
                        "bench"));
    }

    private static void measure(String what, RuleModuleCompiler compiler, RuleModuleSource source) throws Exception {
        compiler.compile(source);
        // The peak one compilation reaches above the heap in use before it (garbage included: what
        // the collector must find room for).
        long settled = settledHeap();
        resetPeaks();
        long started = System.nanoTime();
        CompiledRuleModule once = compiler.compile(source);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = peakHeap() - settled;
        // What a compiled version keeps while it serves: the heap that ten of them hold.
        long before = settledHeap();
        List<CompiledRuleModule> kept = new ArrayList<>();
        for (int i = 0; i < KEPT; i++) {
            kept.add(compiler.compile(source));
        }
        long retained = (settledHeap() - before) / KEPT;
        System.out.printf("%s: one compilation %d ms, its heap peak %d MB above the heap in use; %d KB kept per"
                + " compiled version (%d held)%n", what, millis, peak / (1024 * 1024), retained / 1024, kept.size());
        if (once == null) {
            throw new IllegalStateException();
        }
    }

    private static long settledHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
