package org.reception.rules.nanming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.EscalationDecision;
import org.reception.cases.EscalationLevel;
import org.reception.cases.PetitionType;
import org.reception.cases.Priority;
import org.reception.cases.RedactedField;
import org.reception.cases.RuleDecisions;
import org.reception.rules.PetitionFact;
import org.reception.rules.host.RuleWorkbench;

/**
 * The three layers of a Nanming petition: the district's module over Guiyang's over the province's.
 * The most local routing wins, confidentiality combines to the strictest, escalations add up.
 */
class NanmingModuleTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");

    private static final RuleWorkbench BENCH = new RuleWorkbench();

    @BeforeAll
    static void publish() throws Exception {
        BENCH.publish(Path.of("src/main/resources/rules"), System.getProperty("rule.module.id", "nanming"), "test",
                System.getProperty("rule.module.jurisdiction", "520102"));
        BENCH.publish(Path.of("../guiyang/src/main/resources/rules"), "guiyang", "test", "5201");
        BENCH.publish(Path.of("../province-base/src/main/resources/rules"), "province-base", "test", "52");
    }

    @AfterAll
    static void close() {
        BENCH.close();
    }

    @Test
    void theMostLocalRoutingWins() {
        assertEquals("nanming", decide(PetitionType.APPEAL, Category.HOUSING_CONSTRUCTION, "物业乱收费", 1)
                .routing().provenance().moduleId());
        assertEquals("guiyang", decide(PetitionType.APPEAL, Category.LAND_RESOURCES, "征地", 1)
                .routing().provenance().moduleId());
        assertEquals("520102-WJJ", decide(PetitionType.APPEAL, Category.HEALTH, "医疗", 1).routing().unitCode());
    }

    @Test
    void confidentialityOfAnAccusationCombinesAllLayersToTheStrictest() {
        RuleDecisions decisions = BENCH.decide(PetitionFact.builder().channel(Channel.LETTER)
                .type(PetitionType.ACCUSATION).category(Category.HOUSING_CONSTRUCTION).title("举报")
                .content("李某收受贿赂").jurisdiction("520102").receivedAt(NOW).accused(List.of("李某")).build());

        ConfidentialityDecision confidentiality = decisions.confidentiality();
        assertTrue(confidentiality.identityHidden(), "the province hides the accuser");
        assertEquals(Set.of("李某"), confidentiality.hiddenFrom(), "the province keeps it from the accused");
        assertEquals(Set.of("520102-JJJCW"), confidentiality.readers(), "Nanming restricts the readers");
        assertEquals(Set.of(RedactedField.ACCUSED), confidentiality.redacted());
        assertEquals(List.of("nanming", "province-base"),
                confidentiality.provenance().stream().map(p -> p.moduleId()).toList());
        assertEquals("520102-JJJCW", decisions.routing().unitCode(), "the province redirects it to discipline");
    }

    @Test
    void escalationsAddUpAndTheSameReportTakesTheMostUrgent() {
        RuleDecisions decisions = decide(PetitionType.APPEAL, Category.HOUSING_CONSTRUCTION, "房屋质量", 8);

        List<EscalationDecision> escalations = decisions.escalations();
        assertEquals(1, escalations.size(), escalations.toString());
        assertEquals(EscalationLevel.CITY, escalations.get(0).level());
        assertEquals(1, escalations.get(0).reportWithinHours(), "Guiyang's hour beats the province's two");
        assertEquals("guiyang", escalations.get(0).provenance().moduleId());
        assertEquals(Priority.HIGH, decisions.routing().priority());
    }

    private static RuleDecisions decide(PetitionType type, Category category, String title, int petitioners) {
        return BENCH.decide(PetitionFact.builder().channel(Channel.VISIT).type(type).category(category)
                .title(title).content("内容").jurisdiction("520102").petitionerCount(petitioners).receivedAt(NOW)
                .build());
    }
}
