package org.reception.cases.statistics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subject many petitions raise: one word of their titles and contents.
 *
 * @param term the word (Chinese as written, Latin lower-cased)
 * @param count the petitions of the period whose title or content holds the word (each petition
 *              counts once, however often it uses the word)
 * @param previousCount the same count over the period before ({@link Period#previous()})
 * @param growth {@code (count - previousCount) / previousCount}, rounded to four decimals (half up);
 *               {@code null} when {@code previousCount} is 0 (a new topic)
 * @param byPlace {@code count} by the place of the petitions, in the order of the keys: the child
 *                divisions of the jurisdiction asked for (a province's cities by their 4-digit
 *                prefix, a city's counties by their 6-digit code; a county is its own one key), as
 *                {@link Dimension#DIVISION} breaks the statistics down
 * @param samples a few of the newest petitions of the period that raise it, newest first
 */
public record Topic(String term, long count, long previousCount, Double growth, Map<String, Long> byPlace,
                    List<TopicSample> samples) {

    public Topic {
        byPlace = Collections.unmodifiableMap(new TreeMap<>(byPlace));
        samples = List.copyOf(samples);
    }

    /** How many petitions more than the period before raise it (fewer when negative). */
    public long increase() {
        return count - previousCount;
    }
}
