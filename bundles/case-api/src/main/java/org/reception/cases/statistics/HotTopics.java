package org.reception.cases.statistics;

import java.util.List;

/**
 * The hot topics (热点问题) of a jurisdiction in a period, over the petitions the caller may read.
 *
 * @param jurisdiction the division's prefix asked for
 * @param period the period read
 * @param previousPeriod the period it is compared with
 * @param petitions how many petitions of the period were read (the newest ones, when there were more
 *                  than the analysis reads)
 * @param frequent the topics the most petitions raise, most first (ties by the word); only words of
 *                 at least two petitions
 * @param rising the topics raised by the most petitions more than in the period before, most first
 *               (ties by growth, a new topic first); only words of at least three petitions that are
 *               new or grew
 */
public record HotTopics(String jurisdiction, Period period, Period previousPeriod, long petitions,
                        List<Topic> frequent, List<Topic> rising) {

    public HotTopics {
        frequent = List.copyOf(frequent);
        rising = List.copyOf(rising);
    }
}
