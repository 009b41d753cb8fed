package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example county plugin (Nanming): its legacy endpoint appears when its bundle starts and
 * disappears when it stops, its drop-folder adapter receives Nanming's cases, and a load of
 * requests to the core API meanwhile sees no failure.
 */
class CountyPluginIT {

    private static final String LEGACY = "/api/county/520102/legacy";
    private static final String BUNDLE = "org.reception.county-nanming";

    private static KarafInstance karaf;
    private static Api api;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("county-plugin");
        karaf.configure("org.reception.outbox", "pollMillis = 200\nmaxBackoffSeconds = 2\n");
        karaf.start();
        api = new Api(karaf);
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void thePluginsEndpointAndAdapterComeAndGoWhileTheCoreApiServesWithoutFailure() throws Exception {
        assertEquals(404, api.getAt(LEGACY).statusCode());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int client = c;
            load.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> answer = api.post("petitions", Petitions.withPetitioners(
                                Petitions.petition("HEALTH", "看病难 " + client, "请求处理。", "520103"),
                                List.of(Petitions.person("王五", Petitions.residentId("52010319800101"
                                        + String.format("%03d", client + 1)), false))));
                        if (answer.statusCode() != 201) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                        HttpResponse<String> health = api.get("health");
                        if (health.statusCode() != 200) {
                            failures.add("health " + health.statusCode() + " " + health.body());
                        }
                        served.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
                return null;
            }));
        }
        try {
            karaf.shell("feature:install reception-county-nanming");
            Eventually.until(() -> api.getAt(LEGACY).statusCode() == 200, "the legacy endpoint published");

            HttpResponse<String> legacy = postLegacy("MSGID=nm-0001\nTYPE=SQ\nCAT=HOUSING_CONSTRUCTION\nBT=小区物业乱收费\n"
                    + "NR=物业擅自提高收费标准。\nXM=赵六\nSFZ=" + Petitions.residentId("52010219800101077") + "\nDH=13900000000\n");
            assertEquals(200, legacy.statusCode(), legacy.body());
            assertTrue(legacy.body().matches("OK 520102-\\d{4}-\\d{6} [2-9A-HJ-NP-Z]{10}\\n"), legacy.body());
            String number = legacy.body().split(" ")[1];
            assertEquals(legacy.body(), postLegacy("MSGID=nm-0001\nTYPE=SQ\nCAT=HOUSING_CONSTRUCTION\nBT=小区物业乱收费\n"
                    + "NR=物业擅自提高收费标准。\nXM=赵六\nSFZ=" + Petitions.residentId("52010219800101077")
                    + "\nDH=13900000000\n").body(), "its message id is the idempotency key");
            HttpResponse<String> bad = postLegacy("TYPE=XX\n");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().startsWith("ERR malformed-request"), bad.body());
            String accusation = "TYPE=JB\nCAT=PUBLIC_SECURITY\nBT=举报民警收受财物\nNR=派出所民警收受商户财物。\nXM=赵六\nSFZ="
                    + Petitions.residentId("52010219800101077") + "\nDH=13900000000\n";
            HttpResponse<String> nobodyAccused = postLegacy("MSGID=nm-0002\n" + accusation);
            assertEquals(400, nobodyAccused.statusCode(), "an accusation names whom it accuses (Art. 30)");
            assertTrue(nobodyAccused.body().startsWith("ERR invalid-petition accused:"), nobodyAccused.body());
            HttpResponse<String> accused = postLegacy("MSGID=nm-0003\n" + accusation + "BJR=南明区公安局城南派出所\n");
            assertEquals(200, accused.statusCode(), accused.body());
            JsonNode accusationRead = Api.json(api.get("petitions/number/" + accused.body().split(" ")[1]));
            assertEquals(List.of("南明区公安局城南派出所"), Petitions.JSON.convertValue(accusationRead.get("accused"), List.class));

            JsonNode petition = Api.json(api.get("petitions/number/" + number));
            assertEquals("COUNTY_SYSTEM", petition.get("channel").asText());
            HttpResponse<String> assigned = api.step(petition.get("id").asText(), "dispose",
                    Map.of("disposition", "ASSIGN", "unit", "520102-ZJJ", "reason", "属地管理"));
            assertEquals(200, assigned.statusCode(), assigned.body());
            Path dropFolder = karaf.home().resolve("data/county-520102/outbox");
            Eventually.until(() -> dropped(dropFolder).stream().anyMatch(text -> text.contains("BH=" + number)),
                    "the case in Nanming's drop folder");

            karaf.shell("bundle:stop " + BUNDLE);
            Eventually.until(() -> api.getAt(LEGACY).statusCode() == 404, "the legacy endpoint withdrawn");
            karaf.shell("bundle:start " + BUNDLE);
            Eventually.until(() -> api.getAt(LEGACY).statusCode() == 200, "the legacy endpoint back");
        } finally {
            running.set(false);
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
        assertEquals(List.of(), List.copyOf(failures), "the core API failed while the plugin came and went");
        assertTrue(served.get() > 20, "the load ran throughout: " + served.get());
        assertEquals(1, dropped(karaf.home().resolve("data/county-520102/outbox")).size(), "one file per case");
    }

    private static HttpResponse<String> postLegacy(String message) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(karaf.http(LEGACY))
                .header("Authorization", Account.NANMING_SYSTEM.authorization())
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> dropped(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : (Iterable<Path>) listed.filter(f -> f.toString().endsWith(".txt"))::iterator) {
                files.add(Files.readString(file));
            }
        }
        return files;
    }

}
