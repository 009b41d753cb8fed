package org.reception.rules.guiyang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;
import org.reception.cases.RoutingDecision;
import org.reception.rules.PetitionFact;
import org.reception.rules.host.RuleWorkbench;

/**
 * Guiyang's module compiled and validated as the platform does it (its test cases run then), and
 * layered over the province's: Guiyang decides land matters, the province the rest.
 */
class GuiyangModuleTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    private static final RuleWorkbench BENCH = new RuleWorkbench();

    @BeforeAll
    static void publish() throws Exception {
        BENCH.publish(Path.of("src/main/resources/rules"), System.getProperty("rule.module.id", "guiyang"), "test",
                System.getProperty("rule.module.jurisdiction", "5201"));
        BENCH.publish(Path.of("../province-base/src/main/resources/rules"), "province-base", "test", "52");
    }

    @AfterAll
    static void close() {
        BENCH.close();
    }

    @Test
    void landMattersOfGuiyangGoToTheCityAndTheRestToTheProvinceRules() {
        RoutingDecision land = route(Category.LAND_RESOURCES, "520181");
        RoutingDecision health = route(Category.HEALTH, "520181");
        RoutingDecision landElsewhere = route(Category.LAND_RESOURCES, "520302");

        assertEquals("5201-ZRZYHGHJ", land.unitCode());
        assertEquals("guiyang", land.provenance().moduleId());
        assertEquals("520181-WJJ", health.unitCode());
        assertEquals("province-base", health.provenance().moduleId());
        assertEquals("520302-ZRZYJ", landElsewhere.unitCode(), "Zunyi is not Guiyang's");
    }

    private static RoutingDecision route(Category category, String county) {
        return BENCH.decide(PetitionFact.builder().channel(Channel.ONLINE).type(PetitionType.APPEAL)
                .category(category).title("诉求").content("内容").jurisdiction(county).receivedAt(NOW).build())
                .routing();
    }
}
