package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reception.cases.PlatformTime;
import org.reception.cases.access.Caller;
import org.reception.cases.spi.CaseTexts;
import org.reception.cases.spi.CaseTexts.CaseText;
import org.reception.cases.statistics.HotTopics;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Topic;
import org.reception.cases.statistics.TopicQuery;
import org.reception.text.SmartChineseSegmenter;

/**
 * The hot topics of some 300 invented petitions of Guiyang and Zunyi in March and April 2026
 * ({@code topics/petitions.tsv}), cut into words by the real segmenter with the stop words the
 * platform ships: the topics planted in them are found.
 */
class HotTopicsFixtureTest {

    private static final Period APRIL = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 6);

    private static List<CaseText> petitions;
    private static TopicsDesk desk;

    @BeforeAll
    static void read() throws IOException {
        petitions = fixture();
        SmartChineseSegmenter segmenter = new SmartChineseSegmenter(SmartChineseSegmenter.defaultStopWords());
        desk = new TopicsDesk(store(), segmenter, clock());
    }

    @Test
    void theFixtureIsTwoMonthsOfGuiyangAndZunyi() {
        assertTrue(petitions.size() >= 280 && petitions.size() <= 320, petitions.size() + " petitions");
        assertEquals(Set.of("520102", "520103", "520111", "520113", "520302", "520303"),
                Set.copyOf(petitions.stream().map(CaseText::jurisdiction).toList()));
    }

    @Test
    void theSubjectsOfManyPetitionsAreFrequent() {
        HotTopics topics = desk.topics(Caller.of("supervisor", List.of("supervisor:52")), new TopicQuery("52", APRIL, 25));
        List<String> frequent = terms(topics.frequent());
        assertEquals(petitions.stream().filter(text -> text.receivedAt().isAfter(APRIL.start())).count(),
                topics.petitions());
        for (String planted : List.of("工资", "拖欠", "农民工", "征地", "拆迁", "补偿", "物业", "收费", "培训")) {
            assertTrue(frequent.contains(planted), planted + " in " + frequent);
        }
        assertTrue(frequent.indexOf("工资") < 3, "the wages lead: " + frequent);
        assertNoBoilerplate(topics);
        Topic wages = topics.frequent().get(frequent.indexOf("工资"));
        assertTrue(wages.count() >= 35 && wages.previousCount() <= 15, wages.toString());
        assertEquals(Set.of("5201", "5203"), wages.byPlace().keySet());
        assertEquals(wages.count(), wages.byPlace().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(3, wages.samples().size());
        assertTrue(wages.samples().stream().allMatch(sample -> sample.registrationNumber().matches("52\\d{4}-2026-\\d{6}")));
    }

    @Test
    void theWagesAndTheTrainingFeesRise() {
        HotTopics topics = desk.topics(Caller.of("supervisor", List.of("supervisor:52")), new TopicQuery("52", APRIL, 10));
        List<String> rising = terms(topics.rising());
        for (String planted : List.of("拖欠", "工资", "农民工", "培训", "校外", "家长")) {
            assertTrue(rising.contains(planted), planted + " in " + rising);
        }
        assertTrue(rising.subList(0, 4).containsAll(List.of("工资", "拖欠", "农民工")), "the wages rise the most: " + rising);
        Topic training = topics.rising().get(rising.indexOf("培训"));
        assertEquals(0, training.previousCount(), "no training fee in March");
        assertNull(training.growth());
        assertEquals(0, topics.rising().get(rising.indexOf("校外")).previousCount());
        for (String steady : List.of("征地", "拆迁", "补偿", "物业")) {
            assertFalse(rising.contains(steady), steady + " is steady: " + rising);
        }
        assertNoBoilerplate(topics);
    }

    @Test
    void aCitysTopicsAreOfItsCounties() {
        HotTopics guiyang = desk.topics(Caller.of("supervisor", List.of("supervisor:52")), new TopicQuery("5201", APRIL, 10));
        Topic first = guiyang.frequent().get(0);
        assertTrue(first.byPlace().keySet().stream().allMatch(place -> place.startsWith("5201") && place.length() == 6),
                first.toString());
        assertTrue(guiyang.petitions() < desk.topics(Caller.of("supervisor", List.of("supervisor:52")),
                new TopicQuery("52", APRIL, 10)).petitions());
    }

    private static void assertNoBoilerplate(HotTopics topics) {
        for (Topic topic : concat(topics.frequent(), topics.rising())) {
            assertFalse(Set.of("反映", "问题", "请求", "要求", "希望", "相关", "部门", "情况", "我们", "没有", "已经",
                    "解决", "处理", "一直", "至今").contains(topic.term()), topic.term());
            assertTrue(topic.term().codePointCount(0, topic.term().length()) >= 2, topic.term());
        }
    }

    private static List<Topic> concat(List<Topic> a, List<Topic> b) {
        List<Topic> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> terms(List<Topic> topics) {
        return topics.stream().map(Topic::term).toList();
    }

    /** Title, content, county, day: each received at 9:00 CST and a minute after the one before. */
    static List<CaseText> fixture() throws IOException {
        List<CaseText> texts = new ArrayList<>();
        try (InputStream in = HotTopicsFixtureTest.class.getResourceAsStream("/topics/petitions.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                int sequence = texts.size() + 1;
                Instant received = LocalDate.parse(cells[3]).atTime(9, 0).atZone(PlatformTime.ZONE).toInstant()
                        .plusSeconds(60L * sequence);
                texts.add(new CaseText("id-" + sequence, String.format("%s-2026-%06d", cells[2], sequence), cells[2],
                        received, "OTHER", cells[0], cells[1]));
            }
        }
        return texts;
    }

    /** The fixture as a store gives it: the jurisdiction's cases received in the interval, newest first. */
    private static CaseTexts store() {
        return (prefix, from, to, scope, limit) -> petitions.stream()
                .filter(text -> text.jurisdiction().startsWith(prefix) && !text.receivedAt().isBefore(from)
                        && text.receivedAt().isBefore(to))
                .sorted(Comparator.comparing(CaseText::receivedAt).reversed()).limit(limit).toList();
    }

    private static PlatformTime clock() {
        return FixedClock.startOf(TODAY);
    }
}
