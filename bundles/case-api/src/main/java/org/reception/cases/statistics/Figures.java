package org.reception.cases.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one set of cases (a row of a breakdown, or all of them): a count for each
 * {@link Count}, and rates between them. Counts only: no name, identity number, phone or address is
 * ever part of a statistic. Definitions in {@code docs/analysis.md}.
 */
public final class Figures {

    /** What is counted, in the order of every table the platform writes. */
    public enum Count {
        /** Petitions received in the period. */
        REGISTERED("registered"),
        /** Their petitioners, each counted once per petition. */
        PEOPLE("people"),
        /** Visits (走访) of more than 5 petitioners (Art. 20). */
        GROUP_VISITS("groupVisits"),
        GROUP_VISIT_PEOPLE("groupVisitPeople"),
        /** Petitions of type accusation (检举控告类). */
        ACCUSATIONS("accusations"),
        /** Petitions whose petitioners' identity is kept confidential (Art. 30). */
        CONFIDENTIAL("confidential"),
        /** Petitions raising again a matter of the same petitioners (重复信访): registered linked to earlier ones. */
        REPEATS("repeats"),
        /** A county's petitions received by a city's or the province's center (越级): filed above their level. */
        FILED_ABOVE_LEVEL("filedAboveLevel"),
        ACCEPTED("accepted"),
        TRANSFERRED("transferred"),
        ASSIGNED("assigned"),
        /** Redirected out of the petition channel (诉访分离, Art. 31). */
        REDIRECTED("redirected"),
        /** Of those, told to take a court (诉讼); the others named a channel below, another one, or none. */
        REDIRECTED_TO_LITIGATION("redirectedToLitigation"),
        /** … the discipline inspection and supervision organs (纪检监察). */
        REDIRECTED_TO_DISCIPLINE_SUPERVISION("redirectedToDisciplineSupervision"),
        /** … arbitration (仲裁). */
        REDIRECTED_TO_ARBITRATION("redirectedToArbitration"),
        /** … administrative reconsideration (行政复议). */
        REDIRECTED_TO_ADMINISTRATIVE_RECONSIDERATION("redirectedToAdministrativeReconsideration"),
        NOT_ACCEPTED("notAccepted"),
        /** The disposition limit (15 days, Art. 22) met. */
        DISPOSED("disposed"),
        DISPOSED_ON_TIME("disposedOnTime"),
        /** The handling limit (60 days, extended once by at most 30, Art. 34) met by the reply. */
        HANDLED("handled"),
        HANDLED_ON_TIME("handledOnTime"),
        /** A time limit of the office past its last day today, still pending (counted live). */
        OVERDUE("overdue"),
        /** A time limit of the office ending within the next days, still pending (counted live). */
        DUE_SOON("dueSoon"),
        REPLIED("replied"),
        EVALUATED("evaluated"),
        SATISFIED("satisfied"),
        /** Petitions whose petitioner asked for a review (复查, Art. 35). */
        REVIEWS("reviews"),
        REVIEWS_ANSWERED("reviewsAnswered"),
        REVIEWS_ANSWERED_ON_TIME("reviewsAnsweredOnTime"),
        /** Petitions whose petitioner asked for a re-review (复核, Art. 36). */
        RE_REVIEWS("reReviews"),
        RE_REVIEWS_ANSWERED("reReviewsAnswered"),
        RE_REVIEWS_ANSWERED_ON_TIME("reReviewsAnsweredOnTime"),
        /** Supervision orders (督办, Art. 40) issued on the petitions. */
        SUPERVISIONS("supervisions"),
        SUPERVISIONS_RESOLVED("supervisionsResolved"),
        SUPERVISIONS_RESOLVED_ON_TIME("supervisionsResolvedOnTime"),
        /** Petitions the rules escalated at least once. */
        ESCALATED("escalated");

        private final String figure;

        Count(String figure) {
            this.figure = figure;
        }

        /** Its name in every answer and table. */
        public String figure() {
            return figure;
        }

        /** Counted from the cases as they stand today, not kept in a rollup: they change with the day alone. */
        public boolean live() {
            return this == OVERDUE || this == DUE_SOON;
        }
    }

    /** A rate: one count over another. */
    public record Rate(String name, Count part, Count whole) {
    }

    /** The rates, each after the count it divides in {@link #NAMES}. */
    public static final List<Rate> RATE_LIST = List.of(
            new Rate("repeatRate", Count.REPEATS, Count.REGISTERED),
            new Rate("disposedOnTimeRate", Count.DISPOSED_ON_TIME, Count.DISPOSED),
            new Rate("handledOnTimeRate", Count.HANDLED_ON_TIME, Count.HANDLED),
            new Rate("evaluationRate", Count.EVALUATED, Count.REPLIED),
            new Rate("satisfactionRate", Count.SATISFIED, Count.EVALUATED),
            new Rate("reviewRate", Count.REVIEWS, Count.REPLIED),
            new Rate("reviewOnTimeRate", Count.REVIEWS_ANSWERED_ON_TIME, Count.REVIEWS_ANSWERED),
            new Rate("reReviewRate", Count.RE_REVIEWS, Count.REVIEWS),
            new Rate("reReviewOnTimeRate", Count.RE_REVIEWS_ANSWERED_ON_TIME, Count.RE_REVIEWS_ANSWERED),
            new Rate("supervisionOnTimeRate", Count.SUPERVISIONS_RESOLVED_ON_TIME, Count.SUPERVISIONS_RESOLVED));

    public static final Figures ZERO = new Figures(new long[Count.values().length]);

    /** The names of the counts, in the order of {@link Count}. */
    public static final List<String> COUNTS = Arrays.stream(Count.values()).map(Count::figure).toList();

    /** The names of the rates, each with the count it is a share of. */
    public static final Map<String, String> RATES = rates(true);

    /** The names of the rates, each with the count it takes a share of. */
    public static final Map<String, String> NUMERATORS = rates(false);

    /** Every figure's name: the counts, each rate after the last of the two counts it divides. */
    public static final List<String> NAMES = names();

    private final long[] counts;

    private Figures(long[] counts) {
        this.counts = counts;
    }

    /** Figures from counts by {@link Count}; those not given are 0. */
    public static Figures of(Map<Count, Long> counts) {
        long[] all = new long[Count.values().length];
        counts.forEach((count, value) -> all[count.ordinal()] = value);
        return new Figures(all);
    }

    /** Figures from every count in the order of {@link Count} (as a rollup stores them). */
    public static Figures ofCounts(long... counts) {
        if (counts.length != Count.values().length) {
            throw new IllegalArgumentException("expected " + Count.values().length + " counts, got " + counts.length);
        }
        return new Figures(counts.clone());
    }

    /** Every count, in the order of {@link Count}. */
    public long[] counts() {
        return counts.clone();
    }

    public long get(Count count) {
        return counts[count.ordinal()];
    }

    /** The same figures with one count set. */
    public Figures with(Count count, long value) {
        long[] all = counts.clone();
        all[count.ordinal()] = value;
        return new Figures(all);
    }

    public Figures plus(Figures other) {
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new Figures(sum);
    }

    public Figures minus(Figures other) {
        long[] difference = counts.clone();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= other.counts[i];
        }
        return new Figures(difference);
    }

    public boolean isZero() {
        return Arrays.stream(counts).allMatch(c -> c == 0);
    }

    /** The same figures with the counts named set to 0: what a reader who may not read them gets. */
    public Figures without(Set<String> names) {
        long[] kept = counts.clone();
        for (Count count : Count.values()) {
            if (names.contains(count.figure())) {
                kept[count.ordinal()] = 0;
            }
        }
        return new Figures(kept);
    }

    public long registered() {
        return get(Count.REGISTERED);
    }

    public long people() {
        return get(Count.PEOPLE);
    }

    public long overdue() {
        return get(Count.OVERDUE);
    }

    /** Disposed on time over disposed; {@code null} when none was disposed. */
    public Double disposedOnTimeRate() {
        return rate(get(Count.DISPOSED_ON_TIME), get(Count.DISPOSED));
    }

    public Double handledOnTimeRate() {
        return rate(get(Count.HANDLED_ON_TIME), get(Count.HANDLED));
    }

    /** Satisfied and basically satisfied over evaluated. */
    public Double satisfactionRate() {
        return rate(get(Count.SATISFIED), get(Count.EVALUATED));
    }

    /** Evaluated over replied. */
    public Double evaluationRate() {
        return rate(get(Count.EVALUATED), get(Count.REPLIED));
    }

    /** A share rounded to four decimals (half up); {@code null} over nothing. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** Every figure by its name, in the order of {@link #NAMES}; a rate over nothing is {@code null}. */
    public Map<String, Number> byName() {
        Map<String, Number> all = new LinkedHashMap<>();
        for (Count count : Count.values()) {
            all.put(count.figure(), counts[count.ordinal()]);
        }
        for (Rate rate : RATE_LIST) {
            all.put(rate.name(), rate(get(rate.part()), get(rate.whole())));
        }
        Map<String, Number> ordered = new LinkedHashMap<>();
        NAMES.forEach(name -> ordered.put(name, all.get(name)));
        return ordered;
    }

    /** The counts by {@link Count}. */
    public Map<Count, Long> byCount() {
        Map<Count, Long> all = new EnumMap<>(Count.class);
        for (Count count : Count.values()) {
            all.put(count, counts[count.ordinal()]);
        }
        return all;
    }

    private static Map<String, String> rates(boolean whole) {
        Map<String, String> rates = new LinkedHashMap<>();
        RATE_LIST.forEach(rate -> rates.put(rate.name(), (whole ? rate.whole() : rate.part()).figure()));
        return Map.copyOf(rates);
    }

    private static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        for (Count count : Count.values()) {
            names.add(count.figure());
            for (Rate rate : RATE_LIST) {
                Count last = rate.part().ordinal() > rate.whole().ordinal() ? rate.part() : rate.whole();
                if (last == count) {
                    names.add(rate.name());
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Figures figures && Arrays.equals(counts, figures.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Figures" + byCount();
    }
}
