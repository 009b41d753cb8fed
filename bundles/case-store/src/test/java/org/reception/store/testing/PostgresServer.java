package org.reception.store.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from Debian's {@code postgresql} package: a cluster made
 * with {@code initdb} in a temporary folder, started with {@code pg_ctl} on a free loopback port (no
 * Unix socket), a platform role made with {@code psql}, and a fresh database per caller. Run as root
 * (as CI is), the server runs as the unprivileged {@code postgres} user, through {@code runuser}.
 * One server per JVM, stopped and deleted when the JVM exits.
 */
public final class PostgresServer {

    /** The role the platform signs in as, as the README has the operator make it. */
    public static final String ROLE = "reception";
    public static final String ROLE_PASSWORD = "reception-Db-1";
    private static final String SUPERUSER = "postgres";
    private static final String RUN_AS = "postgres";

    private static PostgresServer shared;

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final String superPassword = UUID.randomUUID().toString();
    private final boolean root;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path base, int port, boolean root) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                PostgresServer server = new PostgresServer(binaries(), Files.createTempDirectory("reception-pg-"),
                        freePort(), "root".equals(System.getProperty("user.name")));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "postgres-stop"));
                shared = server;
            } catch (IOException e) {
                throw new IllegalStateException("the test PostgreSQL server could not be started: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL", e);
            }
        }
        return shared;
    }

    /** The newest installed server's programs: Debian's {@code /usr/lib/postgresql/<major>/bin}. */
    private static Path binaries() throws IOException {
        String given = System.getProperty("reception.postgresql.bin");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                Path newest = installed.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> major(v.getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server is installed: the database tests need Debian's"
                + " postgresql package (apt-get install postgresql), or -Dreception.postgresql.bin=<its bin folder>");
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void start() throws IOException, InterruptedException {
        Path passwordFile = base.resolve("superuser-password");
        Files.writeString(passwordFile, superPassword, StandardCharsets.UTF_8);
        if (root) {
            UserPrincipal owner = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS);
            Files.setOwner(base, owner);
            Files.setOwner(passwordFile, owner);
        }
        run(asServerUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"), Map.of());
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "",
                "# The platform's tests: loopback only, no Unix socket, a port of their own.",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = ''",
                "max_connections = 200", ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                base.resolve("server.log").toString(), "-w", "-t", "60", "start"), Map.of());
    }

    private List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** Runs one statement as the superuser with {@code psql}, as an operator would. */
    public void psql(String statement) {
        query("postgres", statement);
    }

    /** Runs one statement in {@code database} as the superuser; @return what it printed, unaligned, without headers */
    public String query(String database, String statement) {
        try {
            return run(List.of(bin.resolve("psql").toString(), "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A", "-U",
                    SUPERUSER, "-d", database, "-c", statement), environment()).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a client of this server needs in its environment: {@code PGHOST}, {@code PGPORT} and the
     * superuser's {@code PGPASSWORD}, and the server's programs first on the {@code PATH}.
     */
    public Map<String, String> environment() {
        return Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(port), "PGPASSWORD", superPassword,
                "PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /**
     * A new, empty database owned by the platform's role {@value #ROLE}, which is made on first use
     * (a test that follows the README's steps makes the role itself, with its own password).
     *
     * @return its name
     */
    public synchronized String createDatabase(String prefix) {
        if (query("postgres", "SELECT COUNT(*) FROM pg_roles WHERE rolname = '" + ROLE + "'").equals("0")) {
            psql("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
        }
        String name = (prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + databases.incrementAndGet());
        psql("CREATE DATABASE " + name + " OWNER " + ROLE + " ENCODING 'UTF8'");
        return name;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The cluster's files, after a checkpoint has written what is committed into them. */
    public Path dataDirectory() {
        psql("CHECKPOINT");
        return data;
    }

    private void stopQuietly() {
        try {
            run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"),
                    Map.of());
            delete(base);
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL of the tests could not be stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
