package org.reception.itests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.reception.itests.BenchmarkAccess;

/**
 * Load harness, not a test: the full intake ({@code POST /api/v1/petitions}: validation, rules,
 * durable commit with audit) against the booted distribution, side by side in the same run with a
 * bare JDBC transaction of the same rows into embedded Derby and a trivial CXF endpoint
 * ({@code GET /api/v1/clock}), at the same concurrency; all on this machine's cores, the load
 * generator included. Writes a Markdown report. Run by {@code itests/benchmarks/intake-benchmark.sh}.
 */
public final class IntakeBenchmark {

    private static final AtomicLong SEQUENCE = new AtomicLong(1);
    /** The first failure of the run, so that an error in the report can be explained. */
    private static final AtomicReference<String> FIRST_ERROR = new AtomicReference<>();
    /**
     * Intake of the whole province: petitions spread over twenty counties of Guiyang, Liupanshui and
     * Zunyi, as a provincial platform receives them (each county numbers its own petitions).
     */
    private static final List<String> COUNTIES = List.of("520102", "520103", "520111", "520112", "520113",
            "520115", "520121", "520122", "520123", "520181", "520201", "520203", "520204", "520281", "520302",
            "520303", "520304", "520322", "520323", "520324");

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = Integer.parseInt(args[0]);
        int measureSeconds = Integer.parseInt(args[1]);
        List<Integer> concurrency = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList();
        Path out = Path.of(args[3]);
        // For an A/B of two builds: their intake alone, the comparisons left out.
        boolean intakeOnly = Boolean.getBoolean("bench.intakeOnly");
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder("| load | threads | requests/s | p50 ms | p99 ms | errors |\n"
                + "|---|---|---|---|---|---|\n");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (BenchmarkAccess.Platform platform = BenchmarkAccess.boot("intake-benchmark")) {
            URI petitions = platform.api("petitions");
            URI clock = platform.api("clock");
            String authorization = platform.clerkAuthorization();
            for (int threads : concurrency) {
                if (!intakeOnly) {
                    report.append(row("bare Derby: one registration's rows, durable commit", threads,
                            run(threads, warmupSeconds, measureSeconds, bareDerby(out.resolve("bare-derby-" + threads)))));
                    report.append(row("trivial CXF endpoint: GET /api/v1/clock", threads,
                            run(threads, warmupSeconds, measureSeconds, () -> () -> get(http, clock, authorization))));
                }
                report.append(row("full intake: POST /api/v1/petitions", threads,
                        run(threads, warmupSeconds, measureSeconds, () -> () -> post(http, petitions, authorization))));
            }
        }
        if (FIRST_ERROR.get() != null) {
            report.append("\nFirst error: ").append(FIRST_ERROR.get()).append('\n');
        }
        Files.writeString(out.resolve("intake.md"), report.toString());
        System.out.println(report);
    }

    interface Operation {
        void run() throws Exception;
    }

    interface PerThread {
        Operation create() throws Exception;
    }

    record Result(double perSecond, double p50, double p99, long errors) {
    }

    static Result run(int threads, int warmupSeconds, int measureSeconds, PerThread factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(measureSeconds);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit((Callable<long[]>) () -> {
                Operation operation = factory.create();
                long[] latencies = new long[1 << 20];
                int count = 0;
                long errors = 0;
                while (true) {
                    long started = System.nanoTime();
                    if (started >= end) {
                        break;
                    }
                    try {
                        operation.run();
                    } catch (Exception e) {
                        errors++;
                        FIRST_ERROR.compareAndSet(null, e.toString());
                    }
                    long finished = System.nanoTime();
                    if (started >= warmupEnd && count < latencies.length) {
                        latencies[count++] = finished - started;
                    }
                }
                long[] measured = Arrays.copyOf(latencies, count + 1);
                measured[count] = -errors - 1;
                return measured;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> worker : workers) {
            long[] latencies = worker.get();
            errors += -(latencies[latencies.length - 1] + 1);
            for (int i = 0; i < latencies.length - 1; i++) {
                all.add(latencies[i]);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6;
        return new Result(sorted.length / (double) measureSeconds, p50, p99, errors);
    }

    private static String row(String load, int threads, Result result) {
        String line = String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %d |%n", load, threads,
                result.perSecond(), result.p50(), result.p99(), result.errors());
        System.out.print(line);
        return line;
    }

    private static void get(HttpClient http, URI uri, String authorization) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
        }
    }

    private static void post(HttpClient http, URI uri, String authorization) throws Exception {
        long n = SEQUENCE.getAndIncrement();
        String body = """
                {"channel":"ONLINE","type":"APPEAL","category":"HOUSING_CONSTRUCTION","title":"物业维修基金使用不透明 %d",
                 "content":"小区维修基金的使用情况从未公示，业主多次询问无果，请求查处并公开账目。","jurisdiction":"%s",
                 "petitioners":[{"name":"张三","residentId":"%s","phone":"13800000000","address":"贵州省贵阳市南明区"}]}
                """.formatted(n, COUNTIES.get((int) (n % COUNTIES.size())), residentId(n));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A valid GB 11643 number per request: distinct petitioners, so that no petition is a repeat. */
    static String residentId(long n) {
        String first17 = "520102" + LocalDate.of(1960, 1, 1).plusDays(n % 15_000).toString().replace("-", "")
                + String.format("%03d", n / 15_000 % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /**
     * What intake writes for one petition, without anything else: the petition, its petitioner, its
     * routing decision, its deadline and an audit entry, in one transaction with a durable commit.
     */
    static PerThread bareDerby(Path database) throws Exception {
        String url = "jdbc:derby:" + database.toAbsolutePath() + ";create=true";
        try (Connection connection = DriverManager.getConnection(url); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE petition (id CHAR(36) PRIMARY KEY, registration_number VARCHAR(32) UNIQUE,"
                    + " channel VARCHAR(20), petition_type VARCHAR(20), category VARCHAR(40), title VARCHAR(200),"
                    + " content CLOB(1M), jurisdiction CHAR(6), received_at TIMESTAMP, status VARCHAR(20),"
                    + " created_at TIMESTAMP)");
            ddl.execute("CREATE TABLE petitioner (petition_id CHAR(36), seq INT, name VARCHAR(50),"
                    + " resident_id VARCHAR(18), phone VARCHAR(20), address VARCHAR(300), PRIMARY KEY (petition_id, seq))");
            ddl.execute("CREATE INDEX ix_petitioner_resident ON petitioner (resident_id)");
            ddl.execute("CREATE TABLE routing_decision (petition_id CHAR(36), seq INT, unit_code VARCHAR(40),"
                    + " reason VARCHAR(2000), module_id VARCHAR(100), decided_at TIMESTAMP, PRIMARY KEY (petition_id, seq))");
            ddl.execute("CREATE TABLE deadline (petition_id CHAR(36), kind VARCHAR(30), started_at TIMESTAMP,"
                    + " due DATE, PRIMARY KEY (petition_id, kind, started_at))");
            ddl.execute("CREATE TABLE audit_entry (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " petition_id CHAR(36), action VARCHAR(40), detail VARCHAR(4000), acted_at TIMESTAMP)");
        }
        return () -> {
            Connection connection = DriverManager.getConnection(url);
            connection.setAutoCommit(false);
            return () -> {
                long n = SEQUENCE.getAndIncrement();
                String id = UUID.randomUUID().toString();
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement petition = connection.prepareStatement(
                        "INSERT INTO petition VALUES (?, ?, 'ONLINE', 'APPEAL', 'HOUSING_CONSTRUCTION', ?, ?, '520102', ?,"
                                + " 'REGISTERED', ?)")) {
                    petition.setString(1, id);
                    petition.setString(2, "520102-2026-" + n);
                    petition.setString(3, "物业维修基金使用不透明 " + n);
                    petition.setString(4, "小区维修基金的使用情况从未公示，业主多次询问无果，请求查处并公开账目。");
                    petition.setTimestamp(5, now);
                    petition.setTimestamp(6, now);
                    petition.executeUpdate();
                }
                try (PreparedStatement petitioner = connection.prepareStatement(
                        "INSERT INTO petitioner VALUES (?, 1, '张三', ?, '13800000000', '贵州省贵阳市南明区')")) {
                    petitioner.setString(1, id);
                    petitioner.setString(2, residentId(n));
                    petitioner.executeUpdate();
                }
                try (PreparedStatement routing = connection.prepareStatement(
                        "INSERT INTO routing_decision VALUES (?, 1, '520102-ZJJ', '属地管理', 'province-base', ?)")) {
                    routing.setString(1, id);
                    routing.setTimestamp(2, now);
                    routing.executeUpdate();
                }
                try (PreparedStatement deadline = connection.prepareStatement(
                        "INSERT INTO deadline VALUES (?, 'DISPOSE', ?, CURRENT_DATE)")) {
                    deadline.setString(1, id);
                    deadline.setTimestamp(2, now);
                    deadline.executeUpdate();
                }
                try (PreparedStatement audit = connection.prepareStatement(
                        "INSERT INTO audit_entry (petition_id, action, detail, acted_at) VALUES (?, 'register', ?, ?)")) {
                    audit.setString(1, id);
                    audit.setString(2, "registered 520102-2026-" + n);
                    audit.setTimestamp(3, now);
                    audit.executeUpdate();
                }
                connection.commit();
            };
        };
    }
}
