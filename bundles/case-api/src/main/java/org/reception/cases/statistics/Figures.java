package org.reception.cases.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one set of cases (a row of a breakdown, or all of them). Counts only: no name,
 * identity number, phone or address is ever part of a statistic. Definitions in {@code docs/analysis.md}.
 *
 * @param registered petitions received in the period
 * @param people petitioners of those petitions, each counted once per petition
 * @param groupVisits visits (走访) of more than 5 petitioners
 * @param groupVisitPeople the petitioners of those visits
 * @param accusations petitions of type accusation (检举控告类)
 * @param confidential petitions whose petitioners' identity is kept confidential: asked for by them,
 *                     decided by a rule, or an accusation's (Art. 30)
 * @param accepted disposition now on record: accepted (受理)
 * @param transferred … transferred (转送)
 * @param assigned … assigned (交办)
 * @param redirected … redirected out of the petition channel (诉访分离)
 * @param notAccepted … not accepted (不予受理), at disposition or at registration as the same matter
 * @param disposed petitions whose disposition limit (15 days, Art. 22) was met
 * @param disposedOnTime of those, met on or before its last day
 * @param handled petitions whose handling limit (60 days, extended once by at most 30, Art. 34) was met by the reply
 * @param handledOnTime of those, met on or before its last day (after the extension)
 * @param overdue petitions with a time limit of the office past its last day today, still pending
 * @param replied petitions given a written reply
 * @param evaluated petitions whose petitioner evaluated the handling (Art. 21)
 * @param satisfied of those, satisfied or basically satisfied
 */
public record Figures(long registered, long people, long groupVisits, long groupVisitPeople, long accusations,
                      long confidential, long accepted, long transferred, long assigned, long redirected,
                      long notAccepted, long disposed, long disposedOnTime, long handled, long handledOnTime,
                      long overdue, long replied, long evaluated, long satisfied) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The names of the counts, in the order of the record (and of every table the platform writes). */
    public static final List<String> COUNTS = List.of("registered", "people", "groupVisits", "groupVisitPeople",
            "accusations", "confidential", "accepted", "transferred", "assigned", "redirected", "notAccepted",
            "disposed", "disposedOnTime", "handled", "handledOnTime", "overdue", "replied", "evaluated", "satisfied");

    /** The names of the rates, each with the count it is a share of. */
    public static final Map<String, String> RATES = Map.of("disposedOnTimeRate", "disposed",
            "handledOnTimeRate", "handled", "satisfactionRate", "evaluated", "evaluationRate", "replied");

    /** The names of the rates, each with the count it takes a share of. */
    public static final Map<String, String> NUMERATORS = Map.of("disposedOnTimeRate", "disposedOnTime",
            "handledOnTimeRate", "handledOnTime", "satisfactionRate", "satisfied", "evaluationRate", "evaluated");

    /** Every figure's name: the counts, each rate after the count it divides. */
    public static final List<String> NAMES = List.of("registered", "people", "groupVisits", "groupVisitPeople",
            "accusations", "confidential", "accepted", "transferred", "assigned", "redirected", "notAccepted",
            "disposed", "disposedOnTime", "disposedOnTimeRate", "handled", "handledOnTime", "handledOnTimeRate",
            "overdue", "replied", "evaluated", "evaluationRate", "satisfied", "satisfactionRate");

    public Figures plus(Figures o) {
        return new Figures(registered + o.registered, people + o.people, groupVisits + o.groupVisits,
                groupVisitPeople + o.groupVisitPeople, accusations + o.accusations, confidential + o.confidential,
                accepted + o.accepted, transferred + o.transferred, assigned + o.assigned, redirected + o.redirected,
                notAccepted + o.notAccepted, disposed + o.disposed, disposedOnTime + o.disposedOnTime,
                handled + o.handled, handledOnTime + o.handledOnTime, overdue + o.overdue, replied + o.replied,
                evaluated + o.evaluated, satisfied + o.satisfied);
    }

    /** The same figures with the counts named set to 0: what a reader who may not read them gets. */
    public Figures without(java.util.Set<String> names) {
        long[] counts = new long[COUNTS.size()];
        Map<String, Number> all = byName();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = names.contains(COUNTS.get(i)) ? 0 : all.get(COUNTS.get(i)).longValue();
        }
        return new Figures(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7],
                counts[8], counts[9], counts[10], counts[11], counts[12], counts[13], counts[14], counts[15],
                counts[16], counts[17], counts[18]);
    }

    /** Disposed on time over disposed; {@code null} when none was disposed. */
    public Double disposedOnTimeRate() {
        return rate(disposedOnTime, disposed);
    }

    public Double handledOnTimeRate() {
        return rate(handledOnTime, handled);
    }

    /** Satisfied and basically satisfied over evaluated. */
    public Double satisfactionRate() {
        return rate(satisfied, evaluated);
    }

    /** Evaluated over replied. */
    public Double evaluationRate() {
        return rate(evaluated, replied);
    }

    /** A share rounded to four decimals (half up); {@code null} over nothing. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** Every figure by its name, in the order of {@link #NAMES}; a rate over nothing is {@code null}. */
    public Map<String, Number> byName() {
        long[] counts = {registered, people, groupVisits, groupVisitPeople, accusations, confidential, accepted,
            transferred, assigned, redirected, notAccepted, disposed, disposedOnTime, handled, handledOnTime, overdue,
            replied, evaluated, satisfied};
        Map<String, Number> all = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            all.put(COUNTS.get(i), counts[i]);
        }
        all.put("disposedOnTimeRate", disposedOnTimeRate());
        all.put("handledOnTimeRate", handledOnTimeRate());
        all.put("satisfactionRate", satisfactionRate());
        all.put("evaluationRate", evaluationRate());
        Map<String, Number> ordered = new LinkedHashMap<>();
        NAMES.forEach(name -> ordered.put(name, all.get(name)));
        return ordered;
    }
}
