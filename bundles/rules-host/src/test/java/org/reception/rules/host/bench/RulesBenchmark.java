package org.reception.rules.host.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;
import org.reception.cases.RuleDecisions;
import org.reception.rules.PetitionFact;
import org.reception.rules.admin.RuleModuleSource;
import org.reception.rules.host.CompiledRuleModule;
import org.reception.rules.host.LayeredDecider;
import org.reception.rules.host.RuleBases;
import org.reception.rules.host.RuleEvaluator;
import org.reception.rules.host.RuleModuleCompiler;
import org.reception.rules.host.RuleModuleFolders;

/**
 * What the rules cost a registration, with the repository's own modules: three layers (Nanming,
 * Guiyang, the province) and one (a county of Zunyi, the province alone); the same three layers
 * while the county's module is swapped twenty times a second; and compiling and validating the
 * province's module. Run by {@code benchmarks/rules-benchmark.sh}.
 */
@State(Scope.Benchmark)
public class RulesBenchmark {

    private static final Path RULES = Path.of(System.getProperty("rules.dir", "../../rules"));
    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");

    private RuleEvaluator evaluator;
    private RuleModuleCompiler compiler;
    private LayeredDecider decider;
    private RuleModuleSource provinceSource;
    private PetitionFact inNanming;
    private PetitionFact inZunyi;
    private Thread swapper;
    private final AtomicBoolean swapping = new AtomicBoolean();
    /** The three layers' rule bases as compiled, for the bare engine's baseline. */
    private final List<org.kie.api.KieBase> bare = new java.util.ArrayList<>();

    @Setup(Level.Trial)
    public void publish() throws Exception {
        evaluator = new RuleEvaluator(10_000, 2_000);
        compiler = new RuleModuleCompiler(evaluator);
        RuleBases ruleBases = new RuleBases();
        provinceSource = RuleModuleFolders.read(RULES.resolve("province-base/src/main/resources/rules"),
                "province-base", "bench", "52");
        CompiledRuleModule province = compiler.compile(provinceSource);
        CompiledRuleModule guiyang = compiler.compile(RuleModuleFolders.read(
                RULES.resolve("guiyang/src/main/resources/rules"), "guiyang", "bench", "5201"));
        ruleBases.publish(province);
        ruleBases.publish(guiyang);
        RuleModuleSource nanming = RuleModuleFolders.read(RULES.resolve("nanming/src/main/resources/rules"),
                "nanming", "bench", "520102");
        CompiledRuleModule[] versions = {compiler.compile(nanming), compiler.compile(
                new RuleModuleSource("nanming", "bench-2", "520102", nanming.drl(), nanming.tests(), "bench"))};
        ruleBases.publish(versions[0]);
        bare.addAll(List.of(versions[0].kieBase(), guiyang.kieBase(), province.kieBase()));
        decider = new LayeredDecider(ruleBases, evaluator);
        inNanming = fact("520102", "小区物业擅自提高物业费，业主多次反映无果。");
        inZunyi = fact("520302", "小区物业擅自提高物业费，业主多次反映无果。");
        if (Boolean.getBoolean("bench.swap")) {
            swapping.set(true);
            swapper = new Thread(() -> {
                for (int i = 0; swapping.get(); i++) {
                    ruleBases.publish(versions[i % 2]);
                    try {
                        TimeUnit.MILLISECONDS.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "swapper");
            swapper.start();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        swapping.set(false);
        if (swapper != null) {
            swapper.join();
        }
        evaluator.close();
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RuleDecisions threeLayers() {
        return decider.decide(inNanming, NOW);
    }

    /**
     * The baseline: the same three rule bases called directly, each with a stateless session and
     * the same fact, as bare Drools decides; no limits, no combination of the layers.
     */
    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int bareDroolsThreeLayers() {
        int facts = 0;
        for (org.kie.api.KieBase layer : bare) {
            org.kie.api.runtime.StatelessKieSession session = layer.newStatelessKieSession();
            java.util.List<Object> inserted = new java.util.ArrayList<>();
            session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
                    inserted.add(event.getObject());
                }
            });
            session.execute(inNanming);
            facts += inserted.size();
        }
        return facts;
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RuleDecisions provinceOnly() {
        return decider.decide(inZunyi, NOW);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompiledRuleModule compileAndValidateTheProvinceModule() throws Exception {
        return compiler.compile(provinceSource);
    }

    private static PetitionFact fact(String county, String content) {
        return PetitionFact.builder().channel(Channel.VISIT).type(PetitionType.APPEAL)
                .category(Category.HOUSING_CONSTRUCTION).title("物业费纠纷").content(content).jurisdiction(county)
                .petitionerCount(3).receivedAt(NOW).build();
    }
}
