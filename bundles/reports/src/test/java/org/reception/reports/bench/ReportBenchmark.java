package org.reception.reports.bench;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.reception.cases.PlatformTime;
import org.reception.cases.access.Caller;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;
import org.reception.core.DeadlineConfig;
import org.reception.core.StatisticsConfig;
import org.reception.core.StatisticsDesk;
import org.reception.core.TopicsDesk;
import org.reception.reports.ReportBench;
import org.reception.store.JdbcPetitionRepository;
import org.reception.text.SmartChineseSegmenter;

/**
 * Writes the province's annual report of 2025 over the store benchmark's million cases (its
 * database must exist: run {@code StoreBenchmark} first), with the platform's own store, statistics,
 * hot topics and segmenter, as the platform wires them; prints how long each report took. Not a test.
 */
public final class ReportBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../case-store/target/benchmarks");
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(folder.resolve("store-1000000").toString());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(derby);
        pool.setMaximumPoolSize(4);
        pool.setInitializationFailTimeout(-1);
        JdbcPetitionRepository store = new JdbcPetitionRepository(new HikariDataSource(pool),
                folder.resolve("reception-pii.keys"));
        PlatformTime clock = new PlatformTime() {
            @Override
            public Instant now() {
                return TODAY.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
            }

            @Override
            public LocalDate today() {
                return TODAY;
            }
        };
        StatisticsDesk statistics = new StatisticsDesk(store, clock, config(StatisticsConfig.class), config(DeadlineConfig.class));
        TopicsDesk topics = new TopicsDesk(store, new SmartChineseSegmenter(List.of("信访", "反映", "问题")), clock);
        ReportBench bench = new ReportBench(statistics, topics, store, clock);
        Caller auditor = Caller.of("benchmark", List.of("auditor"));
        StringBuilder report = new StringBuilder("| report | ms | bytes |\n|---|---|---|\n");
        for (int round = 0; round < 3; round++) {
            for (Object[] asked : new Object[][] {{ReportKind.ANNUAL, "52", LocalDate.of(2025, 6, 1)},
                {ReportKind.QUARTERLY, "52", LocalDate.of(2026, 1, 1)}, {ReportKind.MONTHLY, "5201", LocalDate.of(2026, 3, 1)}}) {
                long started = System.nanoTime();
                StoredReport written = bench.desk().generate(auditor, (ReportKind) asked[0], (String) asked[1],
                        (LocalDate) asked[2]);
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.err.println(written.title() + ": " + ms + " ms");
                if (round > 0) {
                    report.append("| ").append(written.title()).append(" | ").append(ms).append(" | ")
                            .append(written.bytes()).append(" |\n");
                }
            }
        }
        System.out.println(report);
        Files.writeString(folder.resolve("report-benchmark.md"), report);
        bench.desk().deactivateForBenchmark();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static <A extends Annotation> A config(Class<A> type) {
        // The defaults of the configuration's annotation, as Config Admin gives them with no file.
        return (A) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> method.getName().equals("annotationType") ? type : method.getDefaultValue());
    }
}
