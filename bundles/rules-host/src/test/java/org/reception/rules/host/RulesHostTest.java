package org.reception.rules.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;
import org.reception.cases.RoutingDecision;
import org.reception.cases.ServiceUnavailable;
import org.reception.rules.PetitionFact;

class RulesHostTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    private static final String HEAD = """
            package test
            import org.reception.cases.Category
            import org.reception.rules.PetitionFact
            import org.reception.rules.Routing
            """;

    private final RuleModuleCompiler compiler = new RuleModuleCompiler();
    private final RuleBases ruleBases = new RuleBases();
    private final LayeredRouter router = new LayeredRouter(ruleBases, new RuleEvaluator(100));

    @Test
    void aCountyModuleDecidesForItsCountyOnly() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(routeEverythingTo("nanming", "520102", "520102-XFJ")));

        RoutingDecision inNanming = router.route(petition("520102"), NOW);
        RoutingDecision inYunyan = router.route(petition("520103"), NOW);

        assertEquals("520102-XFJ", inNanming.unitCode());
        assertEquals("nanming", inNanming.provenance().moduleId());
        assertEquals("520000-XFJ", inYunyan.unitCode());
        assertEquals("province", inYunyan.provenance().moduleId());
    }

    @Test
    void aLocalModuleThatEmitsNoRoutingLeavesTheDecisionToTheLayerAbove() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(module("guiyang", "5201", """
                rule "Only health matters are Guiyang's"
                when PetitionFact( category == Category.HEALTH )
                then insert( new Routing( "5201-WJW", "贵阳市卫生健康局", "卫生健康" ) );
                end
                """)));

        assertEquals("520000-XFJ", router.route(petition("520102"), NOW).unitCode());
    }

    @Test
    void aModuleWithASyntaxErrorIsRejectedWithItsFileAndLine() {
        RuleModuleRejected rejected = assertThrows(RuleModuleRejected.class, () -> compiler.compile(module(
                "broken", "52", """
                rule "Broken"
                when PetitionFact( category == )
                then insert( new Routing( "x", "y", "z" ) );
                end
                """)));

        assertTrue(rejected.errors().get(0).startsWith("rules.drl line 6"), rejected.errors().toString());
    }

    @Test
    void aModuleForAnUnknownJurisdictionOrWithoutRulesIsRejected() {
        RuleModuleRejected unknown = assertThrows(RuleModuleRejected.class,
                () -> compiler.compile(routeEverythingTo("nowhere", "529999", "x")));
        assertTrue(unknown.getMessage().contains("529999"));

        assertThrows(RuleModuleRejected.class, () -> compiler.compile(
                new RuleModuleSource("empty", "1", "52", Map.of(), "test")));
        assertThrows(RuleModuleRejected.class, () -> compiler.compile(module("no-rules", "52", "")));
    }

    @Test
    void aRunawayModuleIsStoppedAndTheLayerAboveDecides() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "520000-XFJ")));
        ruleBases.publish(compiler.compile(module("looping", "520102", """
                rule "Loops for ever"
                when $p : PetitionFact()
                then update( $p );
                end
                """)));

        RoutingDecision decision = router.route(petition("520102"), NOW);

        assertEquals("province", decision.provenance().moduleId());
    }

    @Test
    void withdrawingAReplacedVersionKeepsItsSuccessor() throws Exception {
        CompiledRuleModule first = compiler.compile(routeEverythingTo("province", "52", "520000-A"));
        CompiledRuleModule second = compiler.compile(
                new RuleModuleSource("province", "2", "52", routeEverythingTo("province", "52", "520000-B").drl(), "t"));
        ruleBases.publish(first);
        assertEquals(first, ruleBases.publish(second).orElseThrow());

        assertFalse(ruleBases.withdraw(first));

        RoutingDecision decision = router.route(petition("520102"), NOW);
        assertEquals("520000-B", decision.unitCode());
        assertEquals("2", decision.provenance().moduleVersion());
    }

    @Test
    void withoutAnyModuleRoutingIsUnavailable() {
        assertThrows(ServiceUnavailable.class, () -> router.route(petition("520102"), NOW));
    }

    @Test
    void layersRunFromTheCountyUpToTheProvince() throws Exception {
        ruleBases.publish(compiler.compile(routeEverythingTo("province", "52", "a")));
        ruleBases.publish(compiler.compile(routeEverythingTo("city", "5201", "b")));
        ruleBases.publish(compiler.compile(routeEverythingTo("county", "520102", "c")));

        assertEquals(List.of("county", "city", "province"),
                ruleBases.layersFor("520102").stream().map(CompiledRuleModule::id).toList());
        assertEquals(List.of("city", "province"),
                ruleBases.layersFor("520103").stream().map(CompiledRuleModule::id).toList());
    }

    private static RuleModuleSource routeEverythingTo(String id, String jurisdiction, String unit) {
        return module(id, jurisdiction, """
                rule "Everything to %s"
                when PetitionFact()
                then insert( new Routing( "%s", "单位", "测试" ) );
                end
                """.formatted(unit, unit));
    }

    private static RuleModuleSource module(String id, String jurisdiction, String rules) {
        return new RuleModuleSource(id, "1", jurisdiction, Map.of("rules.drl", HEAD + rules), "test");
    }

    private static PetitionFact petition(String county) {
        return new PetitionFact(Channel.ONLINE, PetitionType.APPEAL, Category.OTHER, "标题", "内容", county, NOW);
    }
}
