package org.reception.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reception.store.testing.PostgresServer;

/**
 * One copy of the built distribution, in a folder of its own, on free ports, started as a real
 * {@code bin/karaf server} process. Its folder is kept after the tests for diagnosis. With
 * {@code -Dreception.database=postgresql} it keeps its cases in a fresh database of the tests'
 * PostgreSQL server instead of embedded Derby, set up as an operator does before the first start.
 */
final class KarafInstance implements AutoCloseable {

    static final String ADMIN_USER = "itest";
    static final String ADMIN_PASSWORD = "itest-secret";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> environment = new HashMap<>();
    private Process process;
    private int starts;
    /** The server of the instance's database, when it is not embedded Derby. */
    private PostgresServer postgres;

    private KarafInstance(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** The database the instances keep their cases in: {@code derby} (embedded, the default) or {@code postgresql}. */
    static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("reception.database", "derby"));
    }

    /** A fresh copy of the distribution with its own data folder and free ports; not started yet. */
    static KarafInstance create(String name) throws IOException {
        KarafInstance karaf = onEmbeddedDerby(name);
        if (onPostgresql()) {
            karaf.keepCasesIn(PostgresServer.shared(), name);
        }
        return karaf;
    }

    /** A fresh copy of the distribution as it ships, on embedded Derby whatever the tests' database. */
    static KarafInstance onEmbeddedDerby(String name) throws IOException {
        Path home = newHome(name);
        copyTree(Path.of(required("reception.distribution")), home);
        return prepare(home);
    }

    /**
     * The built archive ({@code reception-karaf-VERSION.tar.gz}) unpacked into a fresh folder, as an
     * operator installs it on a server; not started yet.
     */
    static KarafInstance unpack(String name) throws IOException, InterruptedException {
        Path archive = Path.of(required("reception.archive"));
        Path home = newHome(name);
        Path unpacked = Files.createDirectories(home.resolveSibling(home.getFileName() + "-archive"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + archive + ": " + output);
        }
        try (var top = Files.list(unpacked)) {
            Files.move(top.findFirst().orElseThrow(), home);
        }
        Files.delete(unpacked);
        return prepare(home);
    }

    private static Path newHome(String name) {
        Path instances = Path.of(required("reception.instances"));
        return instances.resolve(name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
    }

    private static KarafInstance prepare(Path home) throws IOException {
        int httpPort = freePort();
        int sshPort = freePort();
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(httpPort));
        // HTTPS as the distribution sets it up at its first start (bin/setenv), on a port of its own.
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "\norg.osgi.service.http.port.secure = "
                + freePort() + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        // A test-only administrator, so that the test can use the shell like an operator would, and the
        // platform accounts of the tests.
        StringBuilder users = new StringBuilder("\n" + ADMIN_USER + " = " + ADMIN_PASSWORD + ",_g_:admingroup,supervisor:52\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        for (Account account : Account.values()) {
            users.append(account.usersPropertiesLine()).append('\n');
        }
        Files.writeString(home.resolve("etc/users.properties"), users, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        // The shell takes keys only (etc/org.apache.karaf.shell.cfg, authMethods): the test administrator's.
        Files.writeString(home.resolve("etc/keys.properties"), "\n" + ADMIN_USER + " = " + ShellKey.publicKey()
                + ",_g_:admingroup,supervisor:52\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(home.resolve(ShellKey.FILE), ShellKey.privateKeyPem(), StandardCharsets.UTF_8);
        return new KarafInstance(home, httpPort, sshPort);
    }

    /** Adds an account to {@code etc/users.properties} before the platform starts, as an operator may write it by hand. */
    void addAccount(String name, String password, String roles) throws IOException {
        Files.writeString(home.resolve("etc/users.properties"), name + " = " + password + "," + roles + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    Path home() {
        return home;
    }

    /** Sets a variable of the environment {@code bin/karaf} and {@code bin/client} run in, e.g. {@code HOME}. */
    void environment(String name, String value) {
        environment.put(name, value);
    }

    /**
     * Points the instance at a new database of {@code server} before its first start, as the
     * operations guide has an operator do: the driver among the boot features, the DataSource at it.
     */
    private void keepCasesIn(PostgresServer server, String name) throws IOException {
        String database = server.createDatabase("karaf_" + name);
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String boot = Files.readString(features, StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("(?m)^featuresBoot\\s*=\\s*\\\\\\n").matcher(boot);
        if (!list.find()) {
            throw new IllegalStateException("no featuresBoot list in " + features);
        }
        Files.writeString(features, boot.substring(0, list.end()) + "    reception-store-postgresql, \\\n"
                + boot.substring(list.end()), StandardCharsets.UTF_8);
        Files.writeString(home.resolve("etc/org.ops4j.datasource-reception.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "dataSourceName = reception",
                "url = " + server.url(database),
                "user = " + PostgresServer.ROLE,
                "password = " + PostgresServer.ROLE_PASSWORD,
                "pool = hikari",
                "xa = false",
                "hikari.poolName = reception",
                "hikari.maximumPoolSize = 10",
                "hikari.minimumIdle = 1", ""), StandardCharsets.UTF_8);
        postgres = server;
    }

    URI api(String path) {
        return http("/api/v1/" + path);
    }

    /** Any path of the platform's HTTPS port, which serves the certificate made at its first start. */
    URI https(String path) throws IOException {
        String port = property(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port.secure");
        return URI.create("https://localhost:" + port + path);
    }

    /**
     * A client that trusts the certificate the platform made at its first start, and nothing else:
     * as an operator trusts an evaluation certificate explicitly.
     */
    HttpClient httpsClient() throws Exception {
        Path web = home.resolve("etc/org.ops4j.pax.web.cfg");
        char[] password = property(web, "org.ops4j.pax.web.ssl.keystore.password").toCharArray();
        java.security.KeyStore server = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(home.resolve("etc/reception-tls.p12"))) {
            server.load(in, password);
        }
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("reception", server.getCertificate("reception"));
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String property(Path file, String key) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not in " + file);
        }
        return value.strip();
    }

    /** Any path of the platform's HTTP port, e.g. {@code /api/open311/v2/services.json}. */
    URI http(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    /** Starts the platform and waits until its health answers 200; returns how long that took. */
    Duration start() throws IOException, InterruptedException {
        Instant launched = launch();
        awaitHealthy(launched.plus(START_TIMEOUT));
        return Duration.between(launched, Instant.now());
    }

    /** Starts the platform without waiting for it: for a test of a platform that must not become healthy. */
    Instant launch() throws IOException {
        Instant launched = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console-" + (++starts) + ".log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        process = builder.start();
        return launched;
    }

    private void awaitHealthy(Instant deadline) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(api("health")).timeout(Duration.ofSeconds(5)).GET().build();
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + " before it was healthy; see " + home);
            }
            try {
                lastStatus = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                lastStatus = -1;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("not healthy within " + START_TIMEOUT + " (last status " + lastStatus + "); see " + home);
    }

    /** Stops the platform the way an operator does ({@code bin/stop}) and waits for it to exit. */
    void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(30, TimeUnit.SECONDS);
        awaitExit(STOP_TIMEOUT);
    }

    private void awaitExit(Duration timeout) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        Instant deadline = Instant.now().plus(timeout);
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
                throw new IllegalStateException("Karaf did not stop within " + timeout + "; killed; see " + home);
            }
        }
    }

    /** Kills the platform's JVM outright (SIGKILL), as a power cut would: no shutdown of any kind. */
    /**
     * The processor time the platform's processes took over one second of the clock: about a
     * second for each thread that spins, a few hundredths when it idles.
     */
    Duration cpuOverOneSecond() throws InterruptedException {
        Duration before = cpuTime();
        TimeUnit.SECONDS.sleep(1);
        return cpuTime().minus(before);
    }

    private Duration cpuTime() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree.stream().map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    void kill() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Runs a shell command through {@code bin/client}, as an operator on this machine would. */
    /**
     * Tries the shell with a password, as a guesser would: @return the client's exit code and what it
     * printed; the shell takes keys only.
     */
    String shellWithPassword(String user, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-h", "localhost", "-u", user, "-p", password, "-r", "1", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        try (var input = client.getOutputStream()) {
            input.write("bundle:list\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
        }
        return "exit " + client.exitValue() + ": " + output;
    }

    String shell(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-h", "localhost", "-u", ADMIN_USER, "-k", home.resolve(ShellKey.FILE).toString(), "-r", "5", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process client = builder.start();
        try (var input = client.getOutputStream()) {
            input.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(60, TimeUnit.SECONDS) || client.exitValue() != 0) {
            throw new IllegalStateException("shell command '" + command + "' failed: " + output);
        }
        return output;
    }

    /** The lines of {@code data/log/karaf.log} logged at ERROR level. */
    List<String> loggedErrors() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        Pattern error = Pattern.compile("^\\S+ \\| ERROR \\|");
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> error.matcher(line).find()).toList();
    }

    /** Writes a configuration file into etc/, where the platform picks it up while it runs. */
    void configure(String pid, String content) throws IOException {
        Path staged = Files.createTempFile(home, pid, ".tmp");
        Files.writeString(staged, content, StandardCharsets.UTF_8);
        Files.move(staged, home.resolve("etc/" + pid + ".cfg"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The files the instance's database keeps its data in (of PostgreSQL: the whole cluster's, checkpointed). */
    Path database() {
        return postgres != null ? postgres.dataDirectory() : home.resolve("data/derby/reception");
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            try {
                stop();
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Sets {@code key} in a configuration file of {@code etc/}, where the line is already. */
    static void setProperty(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        if (!line.find()) {
            throw new IllegalStateException(key + " not found in " + file);
        }
        Files.writeString(file, line.replaceFirst(Matcher.quoteReplacement(key + " = " + value)), StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException("no distribution at " + from + "; build it first");
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
