package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.Test;
import org.reception.store.testing.PostgresServer;

/**
 * The README's "Another database", followed word for word on a platform that has been running on
 * embedded Derby: its commands run as written, its configuration written as printed, with only the
 * host and port of the test's database server put into {@code url}. Then {@code data/} is emptied,
 * as an operator resetting the platform would, and the cases are still there: they are in the new
 * database, and the driver came back with the boot features.
 */
class DatabasesIT {

    private static final Path README = Path.of(System.getProperty("reception.readme"));

    @Test
    void theReadmesStepsMoveThePlatformToPostgresql() throws Exception {
        List<Block> steps = section("#### PostgreSQL");
        PostgresServer server = PostgresServer.shared();
        for (String line : steps.get(0).lines()) {
            ProcessBuilder psql = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true);
            psql.environment().putAll(server.environment());
            Process process = psql.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), line + ": " + output);
        }
        String configuration = steps.get(2).text().replace("localhost:5432", "127.0.0.1:" + server.port());

        String id = moveAndReset("readme-postgresql", steps, configuration, "PostgreSQL");

        assertEquals("1", server.query("reception", "SELECT COUNT(*) FROM petition WHERE id = '" + id + "'"),
                "the case is in PostgreSQL");
        // Every migration applied, in order, none failed: the highest version is their number.
        assertEquals(server.query("reception", "SELECT COUNT(*) FROM schema_history WHERE version IS NOT NULL AND success"),
                server.query("reception", "SELECT MAX(CAST(version AS INTEGER)) FROM schema_history"));
    }

    @Test
    void theReadmesStepsMoveThePlatformToADerbyNetworkServer() throws Exception {
        List<Block> steps = section("#### Derby network server");
        Path serverHome = Files.createTempDirectory("reception-derby-server-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        System.setProperty("derby.system.home", serverHome.toString());
        NetworkServerControl derby = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        derby.start(null);
        try {
            awaitPing(derby);
            String configuration = steps.get(1).text().replace("localhost:1527", "localhost:" + port);

            moveAndReset("readme-derbyclient", steps, configuration, "Derby");

            assertTrue(Files.isDirectory(serverHome.resolve("reception/seg0")), "the database is the server's");
        } finally {
            derby.shutdown();
            delete(serverHome);
        }
    }

    /**
     * On a platform running on embedded Derby: the shell's {@code feature:install}, the DataSource's
     * configuration, one registration, the boot features, then a restart with an empty data folder.
     *
     * @return the id of the petition registered on the new database
     */
    private static String moveAndReset(String name, List<Block> steps, String configuration, String database)
            throws Exception {
        Block install = steps.stream().filter(b -> b.text().startsWith("feature:install")).findFirst().orElseThrow();
        Block boot = steps.get(steps.size() - 1);
        try (KarafInstance karaf = KarafInstance.onEmbeddedDerby(name)) {
            karaf.start();
            Api api = new Api(karaf);
            for (String command : install.lines()) {
                karaf.shell(command);
            }
            // Embedded Derby said the same when the platform first started: wait for the line the move adds.
            // Whatever the latest migration is: the line says the schema was made on the new database.
            java.util.regex.Pattern created = java.util.regex.Pattern.compile(
                    "Database schema created at version \\d+ on " + java.util.regex.Pattern.quote(database));
            Path log = karaf.home().resolve("data/log/reception.log");
            long before = count(log, created);
            karaf.configure("org.ops4j.datasource-reception", configuration);
            Eventually.until(() -> count(log, created) > before, "the move, as the README says");
            JsonNode registered = Eventually.value(() -> {
                HttpResponse<String> response = api.post("petitions", Petitions.petition("ENVIRONMENT", "换库后登记",
                        "小区旁的河道长期发黑发臭。", "520102"));
                return response.statusCode() == 201 ? Api.json(response) : null;
            }, "a registration on the new database");
            String id = registered.get("id").asText();

            Path features = karaf.home().resolve("etc/org.apache.karaf.features.cfg");
            String text = Files.readString(features, StandardCharsets.UTF_8);
            Matcher list = Pattern.compile("(?m)^featuresBoot = \\\\\\n").matcher(text);
            assertTrue(list.find(), "the README's featuresBoot line");
            Files.writeString(features, text.substring(0, list.end()) + boot.text() + "\n" + text.substring(list.end()),
                    StandardCharsets.UTF_8);
            karaf.stop();
            delete(karaf.home().resolve("data"));
            karaf.start();

            HttpResponse<String> read = api.get("petitions/" + id);
            assertEquals(200, read.statusCode(), "the case outlived the data folder: " + read.body());
            assertEquals("换库后登记", Api.json(read).get("title").asText());
            assertEquals(List.of(), karaf.loggedErrors(), "errors logged");
            return id;
        }
    }

    private static long count(Path log, java.util.regex.Pattern line) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> line.matcher(l).find()).count();
    }

    /** A fenced block of the README: its language ({@code sh}, {@code properties}, or none) and its text, unindented. */
    record Block(String language, String text) {
        List<String> lines() {
            return text.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    /** The fenced blocks under a heading of the README, up to the next heading. */
    private static List<Block> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, heading + " in the README");
        List<Block> blocks = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                String indent = lines.get(i).substring(0, lines.get(i).indexOf('`'));
                StringBuilder text = new StringBuilder();
                for (i++; !lines.get(i).strip().equals("```"); i++) {
                    String content = lines.get(i);
                    text.append(content.startsWith(indent) ? content.substring(indent.length()) : content).append('\n');
                }
                blocks.add(new Block(line.substring(3), text.toString().stripTrailing()));
            }
        }
        return blocks;
    }

    private static void awaitPing(NetworkServerControl derby) throws Exception {
        Eventually.until(() -> {
            try {
                derby.ping();
                return true;
            } catch (Exception notYet) {
                return false;
            }
        }, "the Derby network server answers");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
