package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PlatformTime;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.spi.CaseTexts;
import org.reception.cases.spi.CaseTexts.CaseText;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.Segmenter;
import org.reception.cases.statistics.HotTopics;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Topic;
import org.reception.cases.statistics.TopicQuery;
import org.reception.cases.statistics.TopicSample;

/** Who reads the hot topics, over which cases, and how the petitions that raise a word are counted. */
class TopicsDeskTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 2);
    private static final Period APRIL = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    /** Words are what spaces separate, as long as they have two characters. */
    private static final Segmenter WHITESPACE = text -> Arrays.stream(text.strip().split("\\s+"))
            .filter(word -> word.length() >= 2).toList();

    private static final List<CaseText> APRIL_TEXTS = List.of(
            text(1, "520102", "2026-04-28", "拖欠 工资", "工地 拖欠 工资 工资 培训"),
            text(2, "520103", "2026-04-25", "拖欠 工资", "工资 讨薪"),
            text(3, "520102", "2026-04-20", "拖欠", "工资 工地"),
            text(4, "520111", "2026-04-15", "培训 退费", "培训 机构 退费"),
            text(5, "520102", "2026-04-12", "培训 退费", "机构"),
            text(6, "520103", "2026-04-05", "培训", "退费 机构"),
            text(7, "520102", "2026-04-02", "噪音", "噪音 扰民"));
    private static final List<CaseText> MARCH_TEXTS = List.of(
            text(11, "520102", "2026-03-30", "拖欠 工资", ""),
            text(12, "520103", "2026-03-20", "噪音 扰民", null),
            text(13, "520102", "2026-03-15", "噪音", "扰民"),
            text(14, "520111", "2026-03-10", "噪音", "工地"),
            text(15, "520103", "2026-03-02", "工资", "欠薪"));

    private final List<Asked> asked = new ArrayList<>();
    private final TopicsDesk desk = new TopicsDesk(store(), WHITESPACE, clock());

    private record Asked(String prefix, Instant from, Instant to, ListScope scope, int limit) {
    }

    @Test
    void aWordCountsThePetitionsThatUseItOnceEach() {
        HotTopics topics = desk.topics(caller("supervisor:52"), new TopicQuery("520100", APRIL, 10));
        assertEquals("5201", topics.jurisdiction());
        assertEquals(APRIL, topics.period());
        assertEquals(MARCH, topics.previousPeriod());
        assertEquals(7, topics.petitions(), "the case of Zunyi the store returned is not Guiyang's");
        assertEquals(List.of("培训", "工资", "拖欠", "机构", "退费", "工地"), terms(topics.frequent()),
                "most petitions first, ties by the word; a word of one petition is no topic");
        Topic wages = topics.frequent().get(1);
        assertEquals(3, wages.count(), "three petitions, however often each says it");
        assertEquals(2, wages.previousCount());
        assertEquals(0.5, wages.growth());
        assertEquals(Map.of("520102", 2L, "520103", 1L), wages.byPlace());
    }

    @Test
    void risingWordsAreThoseOfTheMostPetitionsMoreThanBefore() {
        HotTopics topics = desk.topics(caller("supervisor:52"), new TopicQuery("5201", APRIL, 10));
        assertEquals(List.of("培训", "机构", "退费", "拖欠", "工资"), terms(topics.rising()),
                "by the increase, a new word before an older one of the same increase; 噪音 fell, 工地 is too rare");
        Topic training = topics.rising().get(0);
        assertEquals(4, training.count());
        assertEquals(0, training.previousCount());
        assertNull(training.growth(), "a new topic has no growth rate");
        Topic arrears = topics.rising().get(3);
        assertEquals(1, arrears.previousCount());
        assertEquals(2.0, arrears.growth());
        assertEquals(List.of("培训", "机构"), terms(desk.topics(caller("supervisor:52"), new TopicQuery("5201", APRIL, 2)).rising()));
        assertEquals(List.of("培训", "工资"), terms(desk.topics(caller("supervisor:52"), new TopicQuery("5201", APRIL, 2)).frequent()));
    }

    @Test
    void samplesAreTheNewestPetitionsOfATopicAndPlacesTheChildDivisions() {
        Topic training = desk.topics(caller("supervisor:52"), new TopicQuery("5201", APRIL, 10)).frequent().get(0);
        assertEquals(List.of(new TopicSample("520102-2026-000001", "520102", "拖欠 工资"),
                new TopicSample("520111-2026-000004", "520111", "培训 退费"),
                new TopicSample("520102-2026-000005", "520102", "培训 退费")), training.samples());
        assertEquals(Map.of("520102", 2L, "520103", 1L, "520111", 1L), training.byPlace());
        assertEquals(List.of("520102", "520103", "520111"), List.copyOf(training.byPlace().keySet()), "by code");

        HotTopics province = desk.topics(caller("supervisor:52"), new TopicQuery("520000", APRIL, 10));
        assertEquals(8, province.petitions());
        assertEquals(Map.of("5201", 4L, "5203", 1L), province.frequent().get(0).byPlace(),
                "a province's places are its cities");
        Topic ofTheCounty = desk.topics(caller("supervisor:52"), new TopicQuery("520102", APRIL, 10)).frequent().get(0);
        assertEquals("培训", ofTheCounty.term());
        assertEquals(Map.of("520102", 2L), ofTheCounty.byPlace(), "a county is its own one place");
    }

    @Test
    void theCasesReadAreThoseTheCallersStatisticsCount() {
        Caller unit = caller("unit:520102-GAJ", "supervisor:5201");
        desk.topics(unit, new TopicQuery("5201", APRIL, 10));
        assertEquals(2, asked.size(), "the period and the one before");
        for (Asked one : asked) {
            assertEquals(CaseAccess.statisticsScope(unit, "5201"), one.scope());
            assertEquals(Set.of("5201"), one.scope().jurisdictionPrefixes());
            assertEquals(Set.of("520102-GAJ", "南明区公安局"), one.scope().hiddenTerms(), "never a case kept from the unit");
            assertEquals("5201", one.prefix());
            assertEquals(TopicsDesk.MAX_TEXTS, one.limit());
        }
        assertEquals(APRIL.start(), asked.get(0).from());
        assertEquals(APRIL.end(), asked.get(0).to());
        assertEquals(MARCH.start(), asked.get(1).from());
        assertEquals(MARCH.end(), asked.get(1).to());

        asked.clear();
        desk.topics(caller("auditor"), new TopicQuery("52", APRIL, 10));
        assertEquals(Set.of("52"), asked.get(0).scope().jurisdictionPrefixes());
        asked.clear();
        desk.topics(caller("clerk:520102"), new TopicQuery("5201", APRIL, 10));
        assertEquals(CaseAccess.statisticsScope(caller("clerk:520102"), "5201"), asked.get(0).scope());
        assertEquals(Set.of("520102"), asked.get(0).scope().jurisdictionPrefixes(), "a clerk reads its own county only");
    }

    @Test
    void outsideTheCenterTheWordsAreTheTitlesOfThreePetitionsOrMoreAndOnlyAUnitGetsSamples() {
        HotTopics audited = desk.topics(caller("auditor"), new TopicQuery("5201", APRIL, 10));
        // 工地 and 讨薪 are said in contents only; 工资 and 退费 are in the titles of two petitions: too few.
        assertEquals(List.of("培训", "拖欠"), terms(audited.frequent()), "each in three titles");
        assertTrue(audited.frequent().stream().allMatch(topic -> topic.samples().isEmpty()), "an auditor reads no case");
        assertEquals(3, audited.frequent().get(0).count());
        HotTopics unit = desk.topics(caller("unit:520102-ZRZYJ"), new TopicQuery("5201", APRIL, 10));
        assertTrue(unit.frequent().stream().noneMatch(topic -> topic.term().equals("工地")), "no word of a content");
        assertTrue(unit.frequent().stream().allMatch(topic -> !topic.samples().isEmpty()), "a unit's own cases' titles");
    }

    @Test
    void aPeriodYetToComeHasNoPetitions() {
        Period june = new Period(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        HotTopics topics = desk.topics(caller("supervisor:52"), new TopicQuery("5201", june, 10));
        assertEquals(0, topics.petitions());
        assertEquals(List.of(), topics.frequent());
        assertEquals(1, asked.size(), "only May, the period before, is read");
    }

    @Test
    void otherRolesAndBadQueriesAreRefused() {
        assertThrows(Forbidden.class, () -> desk.topics(caller("rules-admin"), new TopicQuery("52", APRIL, 10)));
        assertThrows(Forbidden.class, () -> desk.topics(caller("integration:520102"), new TopicQuery("52", APRIL, 10)));
        assertEquals(List.of("jurisdiction"), fields(new TopicQuery("9999", APRIL, 10)));
        assertEquals(List.of("jurisdiction"), fields(new TopicQuery(null, APRIL, 10)));
        assertEquals(List.of("to"), fields(new TopicQuery("52", new Period(LocalDate.of(2010, 1, 1), TODAY), 10)));
        assertEquals(List.of("from"), fields(new TopicQuery("52", null, 10)));
        assertEquals(List.of("limit"), fields(new TopicQuery("52", APRIL, 0)));
        assertEquals(List.of("limit"), fields(new TopicQuery("52", APRIL, 51)));
        assertEquals(List.of("jurisdiction", "limit"), fields(new TopicQuery("52x", APRIL, -1)));
        assertEquals(List.of(), asked, "nothing is read for a refused query");
        assertEquals(6, desk.topics(caller("supervisor:52"), new TopicQuery("5201", APRIL, 50)).frequent().size(),
                "50 topics may be asked for");
    }

    private List<String> fields(TopicQuery query) {
        PetitionRejected rejected = assertThrows(PetitionRejected.class, () -> desk.topics(caller("supervisor:52"), query));
        return rejected.violations().stream().map(Violation::field).toList();
    }

    private static List<String> terms(List<Topic> topics) {
        return topics.stream().map(Topic::term).toList();
    }

    private static CaseText text(int sequence, String county, String day, String title, String content) {
        Instant received = LocalDate.parse(day).atTime(10, 0).atZone(PlatformTime.ZONE).toInstant();
        return new CaseText("id-" + sequence, String.format("%s-2026-%06d", county, sequence), county, received,
                "OTHER", title, content);
    }

    private CaseTexts store() {
        return (prefix, from, to, scope, limit) -> {
            asked.add(new Asked(prefix, from, to, scope, limit));
            List<CaseText> texts = new ArrayList<>(from.equals(APRIL.start()) ? APRIL_TEXTS
                    : from.equals(MARCH.start()) ? MARCH_TEXTS : List.of());
            if (from.equals(APRIL.start())) {
                // Zunyi's, whatever the jurisdiction: the desk counts only the jurisdiction's cases.
                texts.add(text(8, "520302", "2026-04-03", "培训", "拖欠"));
            }
            return texts;
        };
    }

    private static Caller caller(String... roles) {
        return Caller.of("someone", List.of(roles));
    }

    private static PlatformTime clock() {
        return FixedClock.startOf(TODAY);
    }
}
