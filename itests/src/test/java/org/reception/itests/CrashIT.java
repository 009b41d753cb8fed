package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing accepted is ever lost: kill -9 while petitions are being posted, restart, find them all. */
class CrashIT {

    private static final int CLIENTS = 4;
    /** Each client stops after this many petitions, so the test is bounded even if the kill came late. */
    private static final int MAX_PER_CLIENT = 500;
    /** The platform is killed once this many petitions have been answered 201. */
    private static final int KILL_AFTER = 60;

    private static KarafInstance karaf;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("crash");
        karaf.start();
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void everyPetitionAnswered201SurvivesAKillDuringPostingWithItsAuditChain() throws Exception {
        Api api = new Api(karaf);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (int i = 0; i < MAX_PER_CLIENT; i++) {
                    Map<String, Object> petition = Petitions.petition("HOUSING_CONSTRUCTION", "物业纠纷 " + client + "-" + i,
                            "小区物业长期不履行维修义务。", "520102");
                    petition.put("petitioners", List.of(Petitions.person("住户" + i,
                            Petitions.residentId("5201021980010" + (client + 1) + String.format("%03d", i)), false)));
                    try {
                        HttpResponse<String> response = api.post("petitions", petition);
                        if (response.statusCode() == 201) {
                            accepted.add(Api.json(response).get("id").asText());
                            answered.incrementAndGet();
                        } else if (response.statusCode() != 503) {
                            refused.add(response.statusCode() + " " + response.body());
                        }
                    } catch (IOException connectionLost) {
                        return null;
                    }
                }
                return null;
            }));
        }
        while (answered.get() < KILL_AFTER && running.stream().anyMatch(f -> !f.isDone())) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        karaf.kill();
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(Set.of(), refused, "while it ran, the platform refused nothing but for being unavailable");
        assertTrue(accepted.size() >= KILL_AFTER, "petitions were accepted before the kill: " + accepted.size());

        karaf.start();

        for (String id : accepted) {
            HttpResponse<String> read = api.get("petitions/" + id);
            assertEquals(200, read.statusCode(), "petition " + id + " was answered 201 before the kill");
            assertEquals(1, Api.json(api.get("petitions/" + id + "/audit")).size());
        }
        JsonNode verification = Api.json(api.get("audit/verification"));
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertTrue(verification.get("entries").asLong() >= accepted.size());
        assertTrue(karaf.shell("reception:audit-verify").contains("Audit chain intact"));
    }
}
