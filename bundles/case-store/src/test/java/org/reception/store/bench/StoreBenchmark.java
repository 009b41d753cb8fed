package org.reception.store.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Page;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PetitionType;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.DivisionLevel;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.spi.ListScope;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.store.JdbcPetitionRepository;

/**
 * Loads a million cases into embedded Derby through the store's own schema, then measures the
 * lookups and every list query of the desk: p50 and p99 of the first page, total count included.
 * Not a test: run it with {@code bundles/case-store/benchmarks/store-benchmark.sh}.
 */
public final class StoreBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final ListScope WHOLE_PROVINCE = new ListScope(Set.of("52"), Set.of(), Set.of());
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final String[] WORDS = {"征地补偿", "拖欠工资", "物业纠纷", "河道污染", "噪声扰民", "入学难", "医疗纠纷",
            "低保申请", "房屋质量", "土地承包", "退役安置", "食品安全", "违章建筑", "养老保险", "拆迁安置"};
    private static final PetitionStatus[] STATUSES = {PetitionStatus.REGISTERED, PetitionStatus.TRANSFERRED,
            PetitionStatus.ACCEPTED, PetitionStatus.ACCEPTED, PetitionStatus.ACCEPTED, PetitionStatus.REPLIED,
            PetitionStatus.REPLIED, PetitionStatus.ARCHIVED, PetitionStatus.ARCHIVED, PetitionStatus.ARCHIVED};
    private static final int ROUNDS = 100;
    private static final int WARM_UP = 10;
    /** Lookups hit random cases: they are timed over more rounds, after the cache has seen a share of them. */
    private static final int LOOKUP_ROUNDS = 1_000;
    private static final int LOOKUP_WARM_UP = 500;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Path.of(args.length > 1 ? args[1] : "target/benchmarks");
        Files.createDirectories(folder);
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        // -Dbench.place=5201 puts every case in that place's counties: a place of that many cases.
        String place = System.getProperty("bench.place", "");
        dataSource.setDatabaseName(folder.resolve("store-" + cases + (place.isEmpty() ? "" : "-" + place)).toString());
        dataSource.setCreateDatabase("create");
        // Pooled as in the platform (pax-jdbc with HikariCP): an embedded connection is dear to open.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(4);
        JdbcPetitionRepository repository = new JdbcPetitionRepository(new HikariDataSource(pool),
                folder.resolve("reception-pii.keys"));

        List<String> counties = guizhouCounties().stream().filter(county -> county.startsWith(place)).toList();
        Duration load = Duration.ZERO;
        int present = count(dataSource);
        if (present < cases) {
            Instant started = Instant.now();
            load(dataSource, counties, present, cases);
            load = Duration.between(started, Instant.now());
        }
        // Fresh statistics, as a production database's would be, so the optimizer plans on real numbers.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("PETITION", "ROUTING_DECISION", "PETITIONER", "DEADLINE")) {
                statement.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
            }
            // Loading, migrating and counting leave dirty pages and garbage behind; the timed part
            // starts from a checkpointed database and a collected heap, as a platform in service would.
            statement.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        }
        System.gc();

        List<String[]> sample = sample(dataSource, 2_000);
        Random random = new Random(7);
        StringBuilder report = new StringBuilder();
        report.append("| measure | p50 (ms) | p99 (ms) | matches |\n|---|---|---|---|\n");
        report.append(row("lookup by id", () -> repository.findById(sample.get(random.nextInt(sample.size()))[0]), null,
                LOOKUP_WARM_UP, LOOKUP_ROUNDS));
        report.append(row("lookup by registration number",
                () -> repository.findByRegistrationNumber(sample.get(random.nextInt(sample.size()))[1]), null,
                LOOKUP_WARM_UP, LOOKUP_ROUNDS));
        if (Boolean.getBoolean("bench.statisticsOnly")) {
            report.setLength(0);
            report.append("| measure | p50 (ms) | p99 (ms) | matches |\n|---|---|---|---|\n");
            report.append(statistics(repository, dataSource, !load.isZero()));
            System.out.println(report);
            Files.writeString(folder.resolve("store-benchmark-statistics.md"), report, StandardCharsets.UTF_8);
            return;
        }
        if (Boolean.getBoolean("bench.unitOnly")) {
            report.setLength(0);
            report.append("| measure | p50 (ms) | p99 (ms) | matches |\n|---|---|---|---|\n");
            report.append(unitScope(repository));
            System.out.println(report);
            Files.writeString(folder.resolve("store-benchmark-unit.md"), report, StandardCharsets.UTF_8);
            return;
        }
        if (Boolean.getBoolean("bench.lookupsOnly")) {
            System.out.println(report);
            return;
        }
        report.append(list(repository, "jurisdiction subtree (prefecture 5201)", q("5201", null, null, false, null, null, null, null, null, null)));
        report.append(list(repository, "jurisdiction (county 520102)", q("520102", null, null, false, null, null, null, null, null, null)));
        report.append(list(repository, "status ACCEPTED", q(null, Set.of(PetitionStatus.ACCEPTED), null, false, null, null, null, null, null, null)));
        report.append(list(repository, "handling unit", q(null, null, "520000-U007", false, null, null, null, null, null, null)));
        report.append(list(repository, "overdue", q(null, null, null, true, null, null, null, null, null, null)));
        report.append(list(repository, "due within 3 days", q(null, null, null, false, 3, null, null, null, null, null)));
        report.append(list(repository, "type ACCUSATION", q(null, null, null, false, null, PetitionType.ACCUSATION, null, null, null, null)));
        report.append(list(repository, "channel VISIT", q(null, null, null, false, null, null, Channel.VISIT, null, null, null)));
        report.append(list(repository, "received in one month", q(null, null, null, false, null, null, null,
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), null)));
        report.append(list(repository, "subject contains a word", q(null, null, null, false, null, null, null, null, null, "物业")));
        report.append(list(repository, "5201, ACCEPTED, overdue", q("5201", Set.of(PetitionStatus.ACCEPTED), null, true, null, null, null, null, null, null)));
        // The desk's queue of a place paged on (pages of 20): how the cost grows with the page.
        for (int page : List.of(1, 10, 100, 1_000, 4_999)) {
            PetitionQuery deep = new PetitionQuery("5201", null, null, false, null, null, null, null, null, null, page, 20);
            report.append(list(repository, "queue of 5201, page " + (page + 1), deep));
        }
        // The same pages started by cursor (keyset paging): the last case of the page before.
        for (int page : List.of(1_000, 4_999)) {
            PetitionQuery before = new PetitionQuery("5201", null, null, false, null, null, null, null, null, null, page - 1, 20);
            List<PetitionSummary> previous = repository.list(before, WHOLE_PROVINCE, TODAY).items();
            if (previous.isEmpty()) {
                continue; // fewer cases than pages
            }
            PetitionSummary last = previous.get(previous.size() - 1);
            PetitionQuery deep = new PetitionQuery("5201", null, null, false, null, null, null, null, null, null, null,
                    page, 20, new PetitionQuery.After(last.receivedAt(), last.id()));
            report.append(list(repository, "queue of 5201, page " + (page + 1) + " by cursor", deep));
        }

        if (!Boolean.getBoolean("bench.skipStatistics")) {
            report.append(statistics(repository, dataSource, !load.isZero()));
        }

        String text = "# Store benchmark\n\n" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", " + count(dataSource) + " cases"
                + (load.isZero() ? " (loaded before)" : ", loaded in " + load.toSeconds() + " s") + ", "
                + "lookups " + LOOKUP_ROUNDS + " rounds after " + LOOKUP_WARM_UP + ", lists " + ROUNDS + " rounds after " + WARM_UP
                + ", first page of 20 with the total count.\n\n" + report;
        Files.writeString(folder.resolve("store-benchmark.md"), text, StandardCharsets.UTF_8);
        System.out.println(text);
    }

    /**
     * The statistics (issue 17): the rollup counted anew after the bulk load (which bypasses the
     * store's writes, so nothing was noted), then questions of a year, a quarter and an odd range, by
     * each dimension; a unit's own figures come from the cases; and what noting a change costs.
     */
    private static String statistics(JdbcPetitionRepository repository, EmbeddedDataSource dataSource, boolean loaded)
            throws SQLException, InterruptedException {
        StringBuilder report = new StringBuilder();
        if (loaded || Boolean.getBoolean("bench.recount") || !rollupComplete(dataSource)) {
            // The store counts every case anew on its own when it starts with its rollup incomplete.
            Instant started = Instant.now();
            if (loaded || Boolean.getBoolean("bench.recount")) {
                repository.recountRollup();
            }
            while (!rollupComplete(dataSource)) {
                Thread.sleep(1_000);
            }
            report.append("| rollup counted anew (every case) | ").append(Duration.between(started, Instant.now()).toSeconds())
                    .append(" s | | |\n");
        }
        Period year = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        LocalDate dueSoon = TODAY.plusDays(3);
        for (Dimension by : Dimension.values()) {
            Map<String, Figures> rows = repository.figures("52", year, by, WHOLE_PROVINCE, TODAY, dueSoon);
            long total = rows.values().stream().mapToLong(Figures::registered).sum();
            report.append(row("statistics: province, year 2025, by " + by.parameter(),
                    () -> repository.figures("52", year, by, WHOLE_PROVINCE, TODAY, dueSoon), rows.size() + " rows, "
                            + total + " cases", WARM_UP, ROUNDS));
        }
        Period odd = new Period(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 2, 10));
        report.append(row("statistics: province, 2025-03-15 to 2026-02-10, by category",
                () -> repository.figures("52", odd, Dimension.CATEGORY, WHOLE_PROVINCE, TODAY, dueSoon), null, WARM_UP, ROUNDS));
        Period quarter = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        report.append(row("statistics: city 5201, 2026 Q1, by division",
                () -> repository.figures("5201", quarter, Dimension.DIVISION, WHOLE_PROVINCE, TODAY, dueSoon), null,
                WARM_UP, ROUNDS));
        ListScope unit = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-U007", Set.of("520000-U007"))),
                Set.of("520000-U007"));
        report.append(row("statistics: one unit's own cases (from the cases), year 2025, by status",
                () -> repository.figures("52", year, Dimension.STATUS, unit, TODAY, dueSoon), null, WARM_UP, ROUNDS));
        // What a registration's transaction adds for the rollup: one note, here in a transaction of its own.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement note = connection.prepareStatement("INSERT INTO statistics_pending (petition_id) VALUES (?)")) {
            connection.setAutoCommit(false);
            report.append(row("note a change for the rollup (insert and commit, alone)", () -> {
                try {
                    note.setString(1, UUID.randomUUID().toString());
                    note.executeUpdate();
                    connection.commit();
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, null, 100, 2_000));
            // The notes of this measure name no case: the rollup's job counts nothing for them and forgets them.
        }
        return report.toString();
    }

    /** What a unit reads of its own cases, found by its lead-unit index and its co-units. */
    private static String unitScope(JdbcPetitionRepository repository) {
        ListScope unit = new ListScope(Set.of(), Set.of(new ListScope.Unit("520000-U007", Set.of("520000-U007"))),
                Set.of("520000-U007"));
        Period year = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        PetitionQuery queue = q(null, null, null, false, null, null, null, null, null, null);
        PetitionQuery accepted = q(null, Set.of(PetitionStatus.ACCEPTED), null, false, null, null, null, null, null, null);
        return row("statistics: one unit's own cases (from the cases), year 2025, by status",
                () -> repository.figures("52", year, Dimension.STATUS, unit, TODAY, TODAY.plusDays(3)), null, 3, 20)
                + row("list: a unit's own queue, first page of 20 with the total", () -> repository.list(queue, unit, TODAY),
                null, 3, 20)
                + row("list: a unit's own accepted cases, first page of 20 with the total",
                () -> repository.list(accepted, unit, TODAY), null, 3, 20);
    }

    private static boolean rollupComplete(EmbeddedDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM statistics_state WHERE name = 'complete'")) {
            return row.next() && row.getLong(1) == 1;
        }
    }

    private static PetitionQuery q(String jurisdiction, Set<PetitionStatus> statuses, String unit, boolean overdue,
                                   Integer dueWithin, PetitionType type, Channel channel, Instant from, Instant to,
                                   String text) {
        return new PetitionQuery(jurisdiction, statuses, unit, overdue, dueWithin, type, channel, from, to, text, 0, 20);
    }

    private static String list(JdbcPetitionRepository repository, String name, PetitionQuery query) {
        Page<PetitionSummary> first = repository.list(query, WHOLE_PROVINCE, TODAY);
        return row(name, () -> repository.list(query, WHOLE_PROVINCE, TODAY), first.total() + (first.totalExact() ? "" : "+"),
                WARM_UP, ROUNDS);
    }

    private static String row(String name, Supplier<?> work, String matches, int warmUp, int rounds) {
        for (int i = 0; i < warmUp; i++) {
            work.get();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.err.printf("%s: p50 %.2f ms%n", name, nanos[rounds / 2] / 1e6);
        return String.format("| %s | %.2f | %.2f | %s |%n", name, nanos[rounds / 2] / 1e6,
                nanos[(int) Math.ceil(rounds * 0.99) - 1] / 1e6, matches == null ? "1" : matches);
    }

    private static List<String> guizhouCounties() {
        List<String> counties = new ArrayList<>();
        for (String prefecture : List.of("5201", "5202", "5203", "5204", "5205", "5206", "5223", "5226", "5227")) {
            for (int n = 1; n < 100; n++) {
                String code = prefecture + String.format("%02d", n);
                Divisions.reference().find(code).filter(d -> d.level() == DivisionLevel.COUNTY)
                        .map(Division::code).ifPresent(counties::add);
            }
        }
        return counties;
    }

    private static int count(EmbeddedDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM petition")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static List<String[]> sample(EmbeddedDataSource dataSource, int size) throws SQLException {
        List<String[]> sample = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, registration_number FROM petition FETCH FIRST " + size * 50 + " ROWS ONLY")) {
            int n = 0;
            while (rows.next()) {
                if (n++ % 50 == 0) {
                    sample.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return sample;
    }

    /** Bulk load in the store's schema, in batches, as registrations over two years would leave it. */
    private static void load(EmbeddedDataSource dataSource, List<String> counties, int from, int to) throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Random random = new Random(42);
        Instant start = Instant.parse("2024-06-01T00:00:00Z");
        long span = Duration.between(start, NOW).toSeconds();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement petition = connection.prepareStatement(
                    "INSERT INTO petition (id, registration_number, channel, petition_type, category, title, content,"
                            + " jurisdiction, received_at, status, confidential, created_at, handling_unit, next_due)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)");
                 PreparedStatement routing = connection.prepareStatement(
                         "INSERT INTO routing_decision (petition_id, seq, unit_code, unit_name, reason, module_id,"
                                 + " module_version, module_jurisdiction, rules_fired, decided_at)"
                                 + " VALUES (?, 1, ?, '单位', '谁主管谁负责', 'province-base', '0.1.0', '52', 'rule', ?)");
                 PreparedStatement petitioner = connection.prepareStatement(
                         "INSERT INTO petitioner (petition_id, seq, name, resident_id, phone, address, representative)"
                                 + " VALUES (?, 1, '信访人', ?, '13800000000', '贵州省', FALSE)");
                 PreparedStatement deadline = connection.prepareStatement(
                         "INSERT INTO deadline (petition_id, kind, started_at, due, met_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = from; i < to; i++) {
                    String id = UUID.randomUUID().toString();
                    String county = counties.get(random.nextInt(counties.size()));
                    Instant received = start.plusSeconds((long) (random.nextDouble() * span));
                    PetitionStatus status = STATUSES[random.nextInt(STATUSES.length)];
                    boolean open = status.isOpen();
                    LocalDate due = open ? TODAY.plusDays(random.nextInt(120) - 30) : null;
                    String unit = "520000-U" + String.format("%03d", random.nextInt(200));
                    petition.setString(1, id);
                    petition.setString(2, county + "-" + (2024 + i % 3) + "-" + String.format("%07d", i));
                    petition.setString(3, Channel.values()[random.nextInt(Channel.values().length)].name());
                    petition.setString(4, PetitionType.values()[random.nextInt(PetitionType.values().length)].name());
                    petition.setString(5, Category.values()[random.nextInt(Category.values().length)].name());
                    petition.setString(6, WORDS[random.nextInt(WORDS.length)] + " " + i);
                    petition.setString(7, "信访内容" + i);
                    petition.setString(8, county);
                    petition.setTimestamp(9, Timestamp.from(received), utc);
                    petition.setString(10, status.name());
                    petition.setTimestamp(11, Timestamp.from(received), utc);
                    petition.setString(12, status == PetitionStatus.REGISTERED ? null : unit);
                    petition.setDate(13, due == null ? null : java.sql.Date.valueOf(due));
                    petition.addBatch();
                    routing.setString(1, id);
                    routing.setString(2, unit);
                    routing.setTimestamp(3, Timestamp.from(received), utc);
                    routing.addBatch();
                    petitioner.setString(1, id);
                    petitioner.setString(2, String.format("5201021980%08d", i).substring(0, 18));
                    petitioner.addBatch();
                    deadline.setString(1, id);
                    deadline.setString(2, "HANDLE");
                    deadline.setTimestamp(3, Timestamp.from(received), utc);
                    deadline.setDate(4, java.sql.Date.valueOf(due == null ? TODAY.minusDays(100) : due));
                    deadline.setTimestamp(5, open ? null : Timestamp.from(received), utc);
                    deadline.addBatch();
                    if ((i + 1) % 5_000 == 0 || i == to - 1) {
                        petition.executeBatch();
                        routing.executeBatch();
                        petitioner.executeBatch();
                        deadline.executeBatch();
                        connection.commit();
                        if ((i + 1) % 100_000 == 0) {
                            System.out.println("loaded " + (i + 1));
                        }
                    }
                }
            }
        }
    }
}
