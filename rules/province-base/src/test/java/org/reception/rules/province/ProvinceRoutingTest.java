package org.reception.rules.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Disposition;
import org.reception.cases.PetitionType;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleDecisions;
import org.reception.rules.PetitionFact;
import org.reception.rules.host.CompiledRuleModule;
import org.reception.rules.host.RuleWorkbench;

/**
 * The province's module as the platform runs it: compiled and validated by the host's own compiler,
 * which also runs the module's test cases under {@code src/main/resources/rules/tests} (a failing
 * case fails this test, naming it), then asked through the host's layered decider.
 */
class ProvinceRoutingTest {

    private static final String ID = System.getProperty("rule.module.id", "province-base");
    private static final String VERSION = System.getProperty("rule.module.version", "test");
    private static final String JURISDICTION = System.getProperty("rule.module.jurisdiction", "52");
    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");

    private static final RuleWorkbench BENCH = new RuleWorkbench();
    private static CompiledRuleModule module;

    @BeforeAll
    static void compileTheModule() throws Exception {
        module = BENCH.publish(Path.of("src/main/resources/rules"), ID, VERSION, JURISDICTION);
    }

    @AfterAll
    static void close() {
        BENCH.close();
    }

    @Test
    void itCarriesItsTestCasesAndEveryRuleNamesItsLegalBasis() {
        assertTrue(module.source().tests().size() >= 10, "test cases: " + module.source().tests().keySet());
        for (String drl : module.source().drl().values()) {
            for (String rule : drl.split("\nrule ")) {
                if (rule.contains("\nthen") && !rule.contains("《信访工作条例》")) {
                    throw new AssertionError("a rule whose decision names no legal basis: rule " + rule);
                }
            }
        }
    }

    /** 属地管理 (Art. 22): a suggestion goes to the county's competent department, never to the province by default. */
    @ParameterizedTest(name = "a suggestion on {0} goes to {1}")
    @CsvSource({
            "LAND_RESOURCES, 520102-ZRZYJ, 南明区自然资源局",
            "HOUSING_CONSTRUCTION, 520102-ZJJ, 南明区住房和城乡建设局",
            "LABOUR_SOCIAL_SECURITY, 520102-RSJ, 南明区人力资源和社会保障局",
            "PUBLIC_SECURITY, 520102-GAJ, 南明区公安局",
            "ENVIRONMENT, 520102-STHJJ, 南明区生态环境局",
            "HEALTH, 520102-WJJ, 南明区卫生健康局",
            "EDUCATION, 520102-JYJ, 南明区教育局",
            "AGRICULTURE_RURAL, 520102-NYNCJ, 南明区农业农村局",
            "MARKET_REGULATION, 520102-SCJGJ, 南明区市场监督管理局",
            "CIVIL_AFFAIRS, 520102-MZJ, 南明区民政局",
            "TRANSPORT, 520102-JTYSJ, 南明区交通运输局",
            "URBAN_MANAGEMENT, 520102-ZHXZZFJ, 南明区综合行政执法局（城市管理）",
            "OTHER, 520102-XFJ, 南明区信访局",
    })
    void suggestionsGoToTheCountysDepartmentFirst(Category category, String unitCode, String unitName) {
        RoutingDecision decision = decide(PetitionType.SUGGESTION, category, "520102", "建议").routing();

        assertEquals(unitCode, decision.unitCode());
        assertEquals(unitName, decision.unitName());
        assertEquals(ID, decision.provenance().moduleId());
        assertEquals(VERSION, decision.provenance().moduleVersion());
        assertEquals(1, decision.provenance().rulesFired().stream().filter(rule -> !rule.contains("reported")
                && !rule.contains("kept")).count(), decision.provenance().rulesFired().toString());
    }

    @ParameterizedTest(name = "an appeal on {0} in {1} goes to {2}")
    @CsvSource({
            "LAND_RESOURCES, 520102, 520102-ZRZYJ, 南明区自然资源局",
            "ENVIRONMENT, 520302, 520302-STHJJ, 红花岗区生态环境局",
            "HEALTH, 522732, 522732-WJJ, 三都水族自治县卫生健康局",
    })
    void appealsGoToTheCountyConcerned(Category category, String county, String unitCode, String unitName) {
        RoutingDecision decision = decide(PetitionType.APPEAL, category, county, "诉求").routing();

        assertEquals(Disposition.TRANSFER, decision.disposition());
        assertEquals(unitCode, decision.unitCode());
        assertEquals(unitName, decision.unitName());
    }

    @Test
    void anAccusationIsTransferredKeptFromTheAccusedAndEscalatedWhenItSpeaksOfViolence() {
        PetitionFact accusation = PetitionFact.builder().channel(Channel.LETTER).type(PetitionType.ACCUSATION)
                .category(Category.LAND_RESOURCES).title("举报").content("王某侵吞补偿款，还扬言报复社会。")
                .jurisdiction("520102").receivedAt(NOW).accused(List.of("王某")).build();

        RuleDecisions decisions = BENCH.decide(accusation);

        assertEquals(Disposition.TRANSFER, decisions.routing().disposition(), "transferred to the competent organ (Art. 22)");
        assertEquals("520102-JJJCW", decisions.routing().unitCode());
        assertTrue(decisions.confidentiality().identityHidden());
        assertEquals(List.of("王某"), List.copyOf(decisions.confidentiality().hiddenFrom()));
        assertEquals(1, decisions.escalations().size());
        assertEquals("RISK_WORDS", decisions.escalations().get(0).trigger().name());
    }

    private static RuleDecisions decide(PetitionType type, Category category, String county, String title) {
        return BENCH.decide(PetitionFact.builder().channel(Channel.ONLINE).type(type).category(category)
                .title(title).content("内容").jurisdiction(county).receivedAt(NOW).build());
    }
}
