package org.reception.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.reception.cases.spi.CaseTexts.CaseText;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.HotTopics;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Topic;
import org.reception.cases.statistics.TopicSample;

/**
 * The counting of the hot topics, a pure function of the texts: each word counts the petitions that
 * use it (in the title or the content, once per petition however often), the frequent topics are
 * the words of the most petitions, the rising ones those of the most petitions more than before.
 */
final class TopicCounter {

    /** A frequent topic is a word of at least this many petitions: one petition is no topic. */
    static final int FREQUENT_MINIMUM = 2;
    /** A rising topic is a word of at least this many petitions in the period. */
    static final int RISING_MINIMUM = 3;
    /** How many of its petitions a topic shows, the newest. */
    static final int SAMPLES = 3;

    /** Newest first; the same instant by registration number, for a stable order. */
    private static final Comparator<CaseText> NEWEST_FIRST = Comparator
            .comparing(CaseText::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CaseText::registrationNumber, Comparator.nullsLast(Comparator.naturalOrder()));

    private TopicCounter() {
    }

    /**
     * The hot topics of the texts of a period against those of the period before.
     *
     * @param prefix the jurisdiction's prefix: the places of {@link Topic#byPlace} are its child divisions
     * @param terms the words of a text (a {@link org.reception.cases.spi.Segmenter})
     * @param limit how many topics each list holds
     */
    static HotTopics count(String prefix, Period period, Period previousPeriod, List<CaseText> texts,
                           List<CaseText> previousTexts, Function<String, List<String>> terms, int limit) {
        List<CaseText> newestFirst = texts.stream().sorted(NEWEST_FIRST).toList();
        List<Set<String>> words = new ArrayList<>(newestFirst.size());
        Map<String, Long> counts = new HashMap<>();
        for (CaseText text : newestFirst) {
            Set<String> distinct = words(text, terms);
            words.add(distinct);
            distinct.forEach(word -> counts.merge(word, 1L, Long::sum));
        }
        Map<String, Long> before = new HashMap<>();
        for (CaseText text : previousTexts) {
            words(text, terms).forEach(word -> before.merge(word, 1L, Long::sum));
        }

        List<String> frequent = counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= FREQUENT_MINIMUM)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
        List<String> rising = counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= RISING_MINIMUM
                        && entry.getValue() > before.getOrDefault(entry.getKey(), 0L))
                .map(Map.Entry::getKey)
                .sorted(Comparator.<String>comparingLong(word -> counts.get(word) - before.getOrDefault(word, 0L))
                        .reversed()
                        .thenComparing(word -> growthRank(counts.get(word), before.getOrDefault(word, 0L)),
                                Comparator.reverseOrder())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();

        Set<String> shown = new LinkedHashSet<>(frequent);
        shown.addAll(rising);
        Map<String, Topic> topics = new HashMap<>();
        for (String word : shown) {
            topics.put(word, topic(word, prefix, newestFirst, words, counts.get(word), before.getOrDefault(word, 0L)));
        }
        return new HotTopics(prefix, period, previousPeriod, newestFirst.size(),
                frequent.stream().map(topics::get).toList(), rising.stream().map(topics::get).toList());
    }

    /** The distinct words of a petition's title and content (each segmented on its own). */
    static Set<String> words(CaseText text, Function<String, List<String>> terms) {
        Set<String> distinct = new LinkedHashSet<>();
        if (text.title() != null) {
            distinct.addAll(terms.apply(text.title()));
        }
        if (text.content() != null) {
            distinct.addAll(terms.apply(text.content()));
        }
        return distinct;
    }

    /**
     * The child division of the jurisdiction a place lies in, as the statistics break down by division:
     * a province's city (4 digits), a city's or a county's county (6).
     */
    static String place(String jurisdiction, String prefix) {
        if (jurisdiction == null) {
            return "";
        }
        return jurisdiction.substring(0, Math.min(jurisdiction.length(), prefix.length() >= 4 ? 6 : 4));
    }

    /** {@code (count - previous) / previous} to four decimals; {@code null} for a new word. */
    static Double growth(long count, long previous) {
        return previous == 0 ? null : Figures.rate(count - previous, previous);
    }

    /** Growth for ordering: a new word grows more than any other. */
    private static double growthRank(long count, long previous) {
        return previous == 0 ? Double.POSITIVE_INFINITY : (double) (count - previous) / previous;
    }

    private static Topic topic(String word, String prefix, List<CaseText> newestFirst, List<Set<String>> words,
                               long count, long previous) {
        Map<String, Long> byPlace = new TreeMap<>();
        List<TopicSample> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < newestFirst.size(); i++) {
            if (!words.get(i).contains(word)) {
                continue;
            }
            CaseText text = newestFirst.get(i);
            byPlace.merge(place(text.jurisdiction(), prefix), 1L, Long::sum);
            if (samples.size() < SAMPLES) {
                samples.add(new TopicSample(text.registrationNumber(), text.jurisdiction(), text.title()));
            }
        }
        return new Topic(word, count, previous, growth(count, previous), byPlace, samples);
    }
}
