package org.reception.reports;

import org.reception.cases.PlatformTime;
import org.reception.cases.spi.ReportStore;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.PetitionTopics;

/** The report desk wired as DS wires it, for the benchmark (which lives outside this package). */
public final class ReportBench {

    private final Desk desk;

    public ReportBench(PetitionStatistics statistics, PetitionTopics topics, ReportStore store, PlatformTime clock) {
        ReportDesk wired = new ReportDesk(statistics, store, clock, defaults());
        wired.topics(topics);
        this.desk = new Desk(wired);
    }

    public Desk desk() {
        return desk;
    }

    /** The desk, and its stop. */
    public record Desk(ReportDesk wired) {
        public org.reception.cases.reports.StoredReport generate(org.reception.cases.access.Caller caller,
                org.reception.cases.reports.ReportKind kind, String jurisdiction, java.time.LocalDate date) {
            return wired.generate(caller, kind, jurisdiction, date);
        }

        public void deactivateForBenchmark() {
            wired.deactivate();
        }
    }

    private static ReportSchedule defaults() {
        return (ReportSchedule) java.lang.reflect.Proxy.newProxyInstance(ReportSchedule.class.getClassLoader(),
                new Class<?>[] {ReportSchedule.class}, (proxy, method, arguments) ->
                        method.getName().equals("annotationType") ? ReportSchedule.class : method.getDefaultValue());
    }
}
