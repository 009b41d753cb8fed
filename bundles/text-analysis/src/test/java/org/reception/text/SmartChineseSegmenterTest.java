package org.reception.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SmartChineseAnalyzer makes of petitions, and which of its words are kept. */
class SmartChineseSegmenterTest {

    private static final String PARKING = "小区物业乱收费，业主多次反映停车费上涨问题";

    private final SmartChineseSegmenter segmenter = new SmartChineseSegmenter(SmartChineseSegmenter.defaultStopWords());

    @Test
    void aPetitionIsCutIntoTheWordsOfItsSubject() {
        assertEquals(List.of("小区", "物业", "收费", "业主", "多次", "反映", "停车费", "上涨", "问题"),
                new SmartChineseSegmenter(List.of()).terms(PARKING), "what smartcn makes of it; 乱 is a word of its own");
        assertEquals(List.of("小区", "物业", "收费", "业主", "停车费", "上涨"), segmenter.terms(PARKING),
                "the stop words 多次, 反映 and 问题 are gone");
        assertEquals(List.of("拖欠", "农民工", "工资", "包工头"), segmenter.terms("拖欠农民工工资三个月，包工头失联"),
                "三 and 个 and 月 are characters of their own; 失联 is not in smartcn's dictionary (失, 联)");
        assertEquals(List.of("校外", "培训", "机构", "倒闭", "学费"), segmenter.terms("校外培训机构倒闭，预交学费无法退费"),
                "退费 is not in smartcn's dictionary either (退, 费); 无法 is a stop word");
    }

    @Test
    void punctuationNumbersAndSingleCharactersAreLeftOut() {
        List<String> terms = segmenter.terms("2026年3月12日，我们向信访局反映：路灯坏了 15 盏！！…… 请尽快维修。");
        assertEquals(List.of("路灯", "维修"), terms, "信访局 is 信访 (a stop word) and 局");
        assertEquals(List.of(), segmenter.terms("，。！？、；：“”（）《》…… 123 ４５６ 7.5"));
        assertEquals(List.of(), segmenter.terms(""));
        assertEquals(List.of(), segmenter.terms(null));
        assertEquals(List.of("物业", "物业"), segmenter.terms("物业…物业"), "a word as often as it occurs");
    }

    @Test
    void latinWordsAreLowerCased() {
        assertEquals(List.of("app", "收费", "小区", "wifi"), segmenter.terms("某APP乱收费，小区的WiFi不能用"));
        assertEquals(List.of("price"), segmenter.terms("The prices OF it"), "stemmed by smartcn, English stop words gone");
    }

    @Test
    void theBuiltInStopWordsAreTheBoilerplateOfPetitions() {
        Set<String> stop = SmartChineseSegmenter.defaultStopWords();
        for (String word : List.of("反映", "问题", "请求", "要求", "希望", "相关", "部门", "情况", "我们", "他们", "没有", "已经",
                "进行", "解决", "处理", "信访", "一直", "至今")) {
            assertTrue(stop.contains(word), word);
        }
        assertFalse(stop.contains("工资"));
        assertFalse(stop.stream().anyMatch(word -> word.startsWith("#") || word.isBlank() || !word.equals(word.strip())));
    }

    @Test
    void aStopWordsFileHasOneWordALineAndComments() throws IOException {
        Set<String> stop = SmartChineseSegmenter.read(new StringReader(
                "\uFEFF# the petitions of a county\n物业   # they all say it\n\n  停车费\nAPP\n#收费\n"));
        assertEquals(List.of("物业", "停车费", "app"), List.copyOf(stop));
        assertEquals(List.of("小区", "收费", "业主", "多次", "反映", "上涨", "问题"),
                new SmartChineseSegmenter(stop).terms(PARKING));
    }

    @Test
    void theFileConfiguredIsReadAndReadAgainWhenTheConfigurationChanges(@TempDir Path etc) throws IOException {
        Path file = etc.resolve("stop.txt");
        Files.writeString(file, "物业\n停车费\n", StandardCharsets.UTF_8);
        SmartChineseSegmenter configured = new SmartChineseSegmenter(config(file.toString()));
        assertEquals(Set.of("物业", "停车费"), configured.stopWords());
        assertEquals(List.of("小区", "收费", "业主", "多次", "反映", "上涨", "问题"), configured.terms(PARKING));

        Files.writeString(file, "小区\n", StandardCharsets.UTF_8);
        configured.modified(config(file.toString()));
        assertEquals(List.of("物业", "收费", "业主", "多次", "反映", "停车费", "上涨", "问题"), configured.terms(PARKING));

        configured.modified(config(etc.resolve("missing.txt").toString()));
        assertEquals(SmartChineseSegmenter.defaultStopWords(), configured.stopWords(), "a missing file: the built-in list");
        assertEquals(List.of("小区", "物业", "收费", "业主", "停车费", "上涨"), configured.terms(PARKING));
        configured.deactivate();
    }

    @Test
    void karafEtcIsThePlatformsEtcFolder(@TempDir Path etc) {
        String before = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", etc.toString());
        try {
            assertEquals(etc.resolve("reception-stopwords.txt"),
                    SmartChineseSegmenter.resolve("${karaf.etc}/reception-stopwords.txt"));
            assertEquals(etc.resolve("county.txt"), SmartChineseSegmenter.resolve("county.txt"), "relative to etc/");
            assertEquals(Path.of("/srv/stop.txt"), SmartChineseSegmenter.resolve("/srv/stop.txt"));
            assertEquals(etc.resolve("reception-stopwords.txt"), SmartChineseSegmenter.resolve(" "));
        } finally {
            if (before == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", before);
            }
        }
    }

    @Test
    void requestsSegmentAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = pool.invokeAll(java.util.Collections.nCopies(32,
                    () -> segmenter.terms(PARKING)));
            for (Future<List<String>> result : results) {
                assertEquals(List.of("小区", "物业", "收费", "业主", "停车费", "上涨"), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static SegmenterConfig config(String file) {
        return new SegmenterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SegmenterConfig.class;
            }

            @Override
            public String stopWordsFile() {
                return file;
            }
        };
    }
}
