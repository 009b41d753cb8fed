package org.reception.rules.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;
import org.reception.cases.RoutingDecision;
import org.reception.rules.PetitionFact;
import org.reception.rules.host.CompiledRuleModule;
import org.reception.rules.host.LayeredRouter;
import org.reception.rules.host.RuleBases;
import org.reception.rules.host.RuleEvaluator;
import org.reception.rules.host.RuleModuleCompiler;
import org.reception.rules.host.RuleModuleFolders;

class ProvinceRoutingTest {

    private static final String ID = System.getProperty("rule.module.id", "province-base");
    private static final String VERSION = System.getProperty("rule.module.version", "test");
    private static final String JURISDICTION = System.getProperty("rule.module.jurisdiction", "52");
    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");

    private static LayeredRouter router;
    private static CompiledRuleModule module;

    @BeforeAll
    static void compileTheModule() throws Exception {
        module = new RuleModuleCompiler().compile(
                RuleModuleFolders.read(Path.of("src/main/resources/rules"), ID, VERSION, JURISDICTION));
        RuleBases ruleBases = new RuleBases();
        ruleBases.publish(module);
        router = new LayeredRouter(ruleBases, new RuleEvaluator(1_000));
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "LAND_RESOURCES, 520000-ZRZYT, 贵州省自然资源厅",
            "HOUSING_CONSTRUCTION, 520000-ZFCXJST, 贵州省住房和城乡建设厅",
            "LABOUR_SOCIAL_SECURITY, 520000-RLZYSHBZT, 贵州省人力资源和社会保障厅",
            "PUBLIC_SECURITY, 520000-GAT, 贵州省公安厅",
            "ENVIRONMENT, 520000-STHJT, 贵州省生态环境厅",
            "HEALTH, 520000-WSJKW, 贵州省卫生健康委员会",
            "EDUCATION, 520000-JYT, 贵州省教育厅",
            "AGRICULTURE_RURAL, 520000-NYNCT, 贵州省农业农村厅",
            "MARKET_REGULATION, 520000-SCJGJ, 贵州省市场监督管理局",
            "CIVIL_AFFAIRS, 520000-MZT, 贵州省民政厅",
            "OTHER, 520000-XFJ, 贵州省信访局",
    })
    void routesEachCategoryToItsProvincialDepartment(Category category, String unitCode, String unitName) {
        RoutingDecision decision = router.route(petition(category, "520102"), NOW);

        assertEquals(unitCode, decision.unitCode());
        assertEquals(unitName, decision.unitName());
        assertTrue(decision.reason().contains("信访工作条例"), "the reason names its legal basis");
        assertEquals(1, decision.provenance().rulesFired().size(), "exactly one rule decides");
    }

    @Test
    void decisionNamesTheModuleItsVersionAndTheRuleThatFired() {
        RoutingDecision decision = router.route(petition(Category.ENVIRONMENT, "520302"), NOW);

        assertEquals(ID, decision.provenance().moduleId());
        assertEquals(VERSION, decision.provenance().moduleVersion());
        assertEquals("52", decision.provenance().jurisdiction());
        assertEquals(List.of("Environment to the Department of Ecology and Environment"),
                decision.provenance().rulesFired());
        assertEquals(NOW, decision.decidedAt());
    }

    @Test
    void decidesForEveryCountyOfTheProvince() {
        RoutingDecision decision = router.route(petition(Category.HEALTH, "522732"), NOW);

        assertEquals("520000-WSJKW", decision.unitCode());
    }

    @Test
    void theModuleIsForGuizhou() {
        assertEquals("52", module.jurisdiction());
        assertEquals(11, module.ruleCount());
    }

    private static PetitionFact petition(Category category, String county) {
        return new PetitionFact(Channel.ONLINE, PetitionType.APPEAL, category, "标题", "内容", county, NOW);
    }
}
