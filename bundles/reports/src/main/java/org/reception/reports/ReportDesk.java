package org.reception.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.Forbidden;
import org.reception.cases.PetitionRejected;
import org.reception.cases.PlatformTime;
import org.reception.cases.Problem;
import org.reception.cases.Settings;
import org.reception.cases.Violation;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.reports.AnalysisReports;
import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;
import org.reception.cases.spi.ReportStore;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.PetitionTopics;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsQuery;
import org.reception.cases.statistics.Topic;
import org.reception.cases.statistics.TopicQuery;

/**
 * The periodic analysis reports: gathered from the statistics and the hot topics, written as a PDF
 * ({@link AnalysisReportWriter}), kept by the store; written on schedule ({@link ReportSchedule})
 * and on demand.
 *
 * <p>A report is the same whoever asks for it: its figures are counted as an auditor counts them,
 * every case of the jurisdiction. So it is read only by those who read every figure of the
 * jurisdiction anyway ({@link Caller#overseesWhole}) and from whom no case is kept: an account with
 * a handling unit's role never reads one (an accusation against its unit counts in the report).
 */
@Component(service = AnalysisReports.class, configurationPid = ReportSchedule.PID)
@Designate(ocd = ReportSchedule.class)
public final class ReportDesk implements AnalysisReports {

    private static final Logger LOG = LogManager.getLogger(ReportDesk.class);

    /** Whom the schedule's reports are written as, and every report counted as: every case of the place. */
    static final Caller SCHEDULE = Caller.of("schedule", List.of(Role.AUDITOR.roleName()));

    /** How many hot topics a report lists. */
    static final int TOPICS = 10;

    private final PetitionStatistics statistics;
    private final ReportStore store;
    private final PlatformTime clock;
    private final AnalysisReportWriter writer = new AnalysisReportWriter();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "reception-reports");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReportSchedule config;
    private ScheduledFuture<?> checks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PetitionTopics topics;

    @Activate
    public ReportDesk(@Reference PetitionStatistics statistics, @Reference ReportStore store,
                      @Reference PlatformTime clock, ReportSchedule config) {
        this.statistics = statistics;
        this.store = store;
        this.clock = clock;
        modified(config);
    }

    /** A new schedule applies from its next check, one interval later. */
    @Modified
    synchronized void modified(ReportSchedule config) {
        this.config = config;
        if (checks != null) {
            checks.cancel(false);
        }
        checks = schedule.scheduleWithFixedDelay(this::writeDueReports, config.checkSeconds(), config.checkSeconds(),
                TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        schedule.shutdownNow();
    }

    /** For the tests: the topics service, as DS binds it. */
    void topics(PetitionTopics topics) {
        this.topics = topics;
    }

    @Override
    public StoredReport generate(Caller caller, ReportKind kind, String jurisdiction, LocalDate date) {
        String prefix = jurisdiction == null ? "" : Jurisdictions.prefix(jurisdiction.strip());
        List<Violation> violations = new ArrayList<>();
        Optional<Division> division = Divisions.reference().find(prefix);
        if (division.isEmpty()) {
            violations.add(new Violation("jurisdiction", "must be the code of a division (2, 4 or 6 digits), such as 5201"));
        }
        if (kind == null) {
            violations.add(new Violation("period", "must be month, quarter or year"));
        }
        if (date == null) {
            violations.add(new Violation("date", "is required: a day of the period, such as 2026-03-01"));
        } else if (kind != null && kind.period(date).from().isAfter(clock.today())) {
            violations.add(new Violation("date", "the period has not begun"));
        }
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        mayRead(caller, prefix);
        return write(kind, prefix, division.get().name(), kind.period(date), caller.name());
    }

    @Override
    public List<StoredReport> list(Caller caller, String jurisdiction, int limit) {
        String prefix = jurisdiction == null || jurisdiction.isBlank() ? "" : Jurisdictions.prefix(jurisdiction.strip());
        if (caller.has(Role.HANDLING_UNIT)) {
            return List.of();
        }
        // Those the caller may read, then the limit: a county's supervisor finds its own among the province's.
        return store.reports(prefix, 5_000).stream().filter(report -> readable(caller, report.jurisdiction()))
                .limit(Math.max(1, Math.min(limit, 500))).toList();
    }

    @Override
    public Optional<ReportDocument> document(Caller caller, long id) {
        return store.document(id).filter(document -> readable(caller, document.report().jurisdiction()));
    }

    private static boolean readable(Caller caller, String prefix) {
        return !caller.has(Role.HANDLING_UNIT) && caller.overseesWhole(prefix);
    }

    private static void mayRead(Caller caller, String prefix) {
        if (!readable(caller, prefix)) {
            throw new Forbidden("a report of " + prefix + " counts every case of it: it is read by its supervisors and"
                    + " those above, auditors and administrators, none of them holding a handling unit's role");
        }
    }

    /** Gathers, writes and keeps one report. */
    StoredReport write(ReportKind kind, String prefix, String name, Period period, String by) {
        long started = System.nanoTime();
        Written written = compose(kind, prefix, name, period, by);
        StoredReport kept = store.save(written.report(), written.pdf());
        LOG.info("Wrote {} ({} bytes) for {} in {} ms", kept.title(), written.pdf().length, by,
                (System.nanoTime() - started) / 1_000_000);
        return kept;
    }

    /**
     * The schedule's report of a period, kept once: platforms sharing a database each check the
     * schedule, and may write the same report at the same time; the store keeps the first.
     */
    private void writeScheduled(ReportKind kind, String prefix, String name, Period period) {
        long started = System.nanoTime();
        Written written = compose(kind, prefix, name, period, SCHEDULE.name());
        Optional<StoredReport> kept = store.saveScheduled(written.report(), written.pdf());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (kept.isPresent()) {
            LOG.info("Wrote {} ({} bytes) on schedule in {} ms", kept.get().title(), written.pdf().length, millis);
        } else {
            LOG.info("{} was kept by another platform on the same database meanwhile; this one is let go",
                    written.report().title());
        }
    }

    /** A report not yet kept, and its document. */
    private record Written(StoredReport report, byte[] pdf) {
    }

    private Written compose(ReportKind kind, String prefix, String name, Period period, String by) {
        Statistics byDivision = statistics(prefix, period, Dimension.DIVISION);
        ReportContent content = new ReportContent(kind, prefix, name, period, clock.now(), byDivision,
                statistics(prefix, period, Dimension.CATEGORY), statistics(prefix, period, Dimension.TYPE),
                statistics(prefix, period, Dimension.CHANNEL), trend(prefix, period), hotTopics(prefix, period));
        byte[] pdf = writer.pdf(content);
        return new Written(new StoredReport(0, kind, prefix, AnalysisReportWriter.title(content), period,
                content.generatedAt(), by, pdf.length), pdf);
    }

    private Statistics statistics(String prefix, Period period, Dimension by) {
        return statistics.statistics(SCHEDULE, new StatisticsQuery(prefix, period, by));
    }

    /** The twelve months ending with the period's last: the registrations and the two on-time rates of each. */
    private List<ReportContent.TrendPoint> trend(String prefix, Period period) {
        List<ReportContent.TrendPoint> points = new ArrayList<>();
        YearMonth last = YearMonth.from(period.to());
        for (int back = 11; back >= 0; back--) {
            YearMonth month = last.minusMonths(back);
            Figures total = statistics(prefix, Period.of(Period.Unit.MONTH, month.atDay(1)), Dimension.DIVISION).total();
            String label = back == 11 || month.getMonthValue() == 1 ? month.getYear() + "年" + month.getMonthValue() + "月"
                    : month.getMonthValue() + "月";
            points.add(new ReportContent.TrendPoint(label, total.registered(), total.disposedOnTimeRate(),
                    total.handledOnTimeRate()));
        }
        return points;
    }

    private List<ReportContent.HotTopic> hotTopics(String prefix, Period period) {
        PetitionTopics found = topics;
        if (found == null) {
            return List.of();
        }
        List<ReportContent.HotTopic> hot = new ArrayList<>();
        for (Topic topic : found.topics(SCHEDULE, new TopicQuery(prefix, period, TOPICS)).frequent()) {
            hot.add(new ReportContent.HotTopic(topic.term(), topic.count(), topic.previousCount()));
        }
        return hot;
    }

    /** On the schedule's thread: each configured report of the last period ended, if not yet written. */
    private void writeDueReports() {
        ReportSchedule asked = config;
        Set<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
        if (asked.monthly()) {
            kinds.add(ReportKind.MONTHLY);
        }
        if (asked.quarterly()) {
            kinds.add(ReportKind.QUARTERLY);
        }
        if (asked.annual()) {
            kinds.add(ReportKind.ANNUAL);
        }
        LocalDate today = clock.today();
        for (String jurisdiction : Settings.listed(asked.jurisdictions())) {
            String prefix = Jurisdictions.prefix(jurisdiction);
            Optional<Division> division = Divisions.reference().find(prefix);
            if (division.isEmpty()) {
                LOG.warn("No reports for {}: not a division ({} jurisdictions)", jurisdiction, ReportSchedule.PID);
                continue;
            }
            for (ReportKind kind : kinds) {
                Period due = due(kind, today, asked.daysAfter());
                try {
                    if (store.latest(kind, prefix, due.from()).isEmpty()) {
                        writeScheduled(kind, prefix, division.get().name(), due);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("The {} of {} for {} could not be written; the next check tries again: {}", kind.label(),
                            prefix, due.from(), e.getMessage());
                }
            }
        }
    }

    /** The last period of the kind that ended at least {@code daysAfter} days before today. */
    static Period due(ReportKind kind, LocalDate today, int daysAfter) {
        Period current = kind.period(today.minusDays(daysAfter));
        return kind.period(current.from().minusDays(1));
    }
}
