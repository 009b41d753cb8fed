package org.reception.cases.spi;

import java.util.List;

/**
 * Cuts a text into the words it is about, for the analysis of hot topics (热点问题): Chinese is
 * segmented into words, Latin words are lower-cased. Implemented by the text-analysis bundle.
 * Safe for concurrent use.
 */
public interface Segmenter {

    /**
     * The meaningful words of a text, in the order they occur (a word occurring twice is listed
     * twice): stop words (function words, the boilerplate of every petition such as 反映 or 问题),
     * single characters, punctuation and numbers are left out; Latin words are lower-cased.
     *
     * @param text any text; {@code null} or blank gives no word
     */
    List<String> terms(String text);
}
