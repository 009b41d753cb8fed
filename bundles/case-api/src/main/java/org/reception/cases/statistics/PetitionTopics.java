package org.reception.cases.statistics;

import org.reception.cases.access.Caller;

/**
 * The hot topics (热点问题) of the letters-and-visits work: the subjects many petitions raise in a
 * period, and those rising fastest against the period before, read from their titles and contents.
 * A caller counts exactly the cases it may read (the cases of its statistics), never one kept from
 * its units, and its samples are petitions it may read.
 */
public interface PetitionTopics {

    /**
     * @throws org.reception.cases.PetitionRejected naming the field, for an unknown division, a period
     *         over 10 years or a limit out of 1 to 50
     * @throws org.reception.cases.Forbidden for a role that reads no statistics
     * @throws org.reception.cases.ServiceUnavailable if the store is not ready
     */
    HotTopics topics(Caller caller, TopicQuery query);
}
