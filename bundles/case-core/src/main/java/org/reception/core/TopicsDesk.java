package org.reception.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PlatformTime;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.spi.CaseTexts;
import org.reception.cases.spi.CaseTexts.CaseText;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.Segmenter;
import org.reception.cases.statistics.HotTopics;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.PetitionTopics;
import org.reception.cases.statistics.TopicQuery;

/**
 * The hot topics (热点问题), read from the titles and contents of exactly the cases each caller's
 * statistics count ({@link CaseAccess#statisticsScope}): a case kept from a caller's unit is never in
 * its counts, and its samples are petitions it may read. The same readers as the statistics.
 *
 * <p>Each period reads at most {@value #MAX_TEXTS} petitions, the newest: a busier period is
 * counted over its last {@value #MAX_TEXTS} (the period before likewise), which
 * {@link HotTopics#petitions()} shows. How the counting goes is {@link TopicCounter}'s.
 */
@Component(service = PetitionTopics.class, configurationPid = StatisticsConfig.PID)
public final class TopicsDesk implements PetitionTopics {

    /** The most petitions read of one period (and of the period before): the newest. */
    static final int MAX_TEXTS = 20_000;
    /** The most topics a list holds. */
    static final int MAX_LIMIT = 50;

    private final CaseTexts store;
    private final Segmenter segmenter;
    private final PlatformTime clock;
    private volatile int minimumCell;

    /** @param config the statistics': a word of fewer petitions than its minimum cell is shown to the center only */
    @Activate
    public TopicsDesk(@Reference CaseTexts store, @Reference Segmenter segmenter, @Reference PlatformTime clock,
                      StatisticsConfig config) {
        this.store = store;
        this.segmenter = segmenter;
        this.clock = clock;
        this.minimumCell = config.minimumCell();
    }

    /** With the default minimum cell (3). */
    public TopicsDesk(CaseTexts store, Segmenter segmenter, PlatformTime clock) {
        this.store = store;
        this.segmenter = segmenter;
        this.clock = clock;
        this.minimumCell = 3;
    }

    @Modified
    void modified(StatisticsConfig config) {
        minimumCell = config.minimumCell();
    }

    @Override
    public HotTopics topics(Caller caller, TopicQuery query) {
        if (!caller.hasAny(StatisticsDesk.READERS)) {
            throw new Forbidden("hot topics are read by " + StatisticsDesk.READERS.stream().map(Role::roleName).toList());
        }
        String prefix = query.jurisdiction() == null ? "" : Jurisdictions.prefix(query.jurisdiction().strip());
        Optional<Division> division = Divisions.reference().find(prefix);
        List<Violation> violations = new ArrayList<>();
        if (division.isEmpty()) {
            violations.add(new Violation("jurisdiction", "must be the code of a division (2, 4 or 6 digits), such as 5201"));
        }
        if (query.period() == null) {
            violations.add(new Violation("from", "give from and to (dates such as 2026-01-01), or period and date"));
        } else if (query.period().tooLong()) {
            violations.add(new Violation("to", "a period covers at most " + Period.MAX_YEARS + " years"));
        }
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            violations.add(new Violation("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        ListScope scope = CaseAccess.statisticsScope(caller, prefix);
        Period period = query.period();
        Period previous = period.previous();
        // Only the reception center reads what petitions say: others count the words of the titles
        // alone (a rule may withhold a content from a unit; auditors and administrators read no case).
        boolean center = caller.has(Role.CLERK) || caller.has(Role.SUPERVISOR);
        List<CaseText> texts = readable(texts(prefix, period, scope), center);
        List<CaseText> previousTexts = readable(texts(prefix, previous, scope), center);
        HotTopics counted = TopicCounter.count(prefix, period, previous, texts, previousTexts, segmenter::terms,
                query.limit());
        return center ? counted : shownToOthers(counted, caller.has(Role.HANDLING_UNIT), minimumCell);
    }

    /** The texts as the caller may read them: without their contents unless it is the reception center. */
    private static List<CaseText> readable(List<CaseText> texts, boolean center) {
        return center ? texts : texts.stream().map(text -> new CaseText(text.id(), text.registrationNumber(),
                text.jurisdiction(), text.receivedAt(), text.category(), text.title(), "")).toList();
    }

    /**
     * The topics for a reader outside the reception center: a word of fewer petitions than the minimum
     * cell is left out (it may point at one case), and the sample cases go only to a unit, which reads
     * its own cases' titles in its lists; auditors and administrators read figures, never cases.
     */
    static HotTopics shownToOthers(HotTopics counted, boolean unit, int minimum) {
        java.util.function.UnaryOperator<List<org.reception.cases.statistics.Topic>> shown = topics -> topics.stream()
                .filter(topic -> topic.count() >= minimum)
                .map(topic -> unit ? topic : new org.reception.cases.statistics.Topic(topic.term(), topic.count(),
                        topic.previousCount(), topic.growth(), topic.byPlace(), List.of()))
                .toList();
        return new HotTopics(counted.jurisdiction(), counted.period(), counted.previousPeriod(), counted.petitions(),
                shown.apply(counted.frequent()), shown.apply(counted.rising()));
    }

    /** The texts of a period within the jurisdiction; a period yet to come has none. */
    private List<CaseText> texts(String prefix, Period period, ListScope scope) {
        if (scope.empty() || period.from().isAfter(clock.today())) {
            return List.of();
        }
        return store.texts(prefix, period.start(), period.end(), scope, MAX_TEXTS).stream()
                .filter(text -> Divisions.isWithin(text.jurisdiction(), prefix))
                .limit(MAX_TEXTS).toList();
    }
}
