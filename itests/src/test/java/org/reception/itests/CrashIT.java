package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nothing accepted is ever lost: kill -9 while petitions are being posted, restart, find them all;
 * lose the personal data key file, and the platform refuses to serve rather than make new keys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
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

        // The statistics' rollup, counted by batches while the posts came and cut off by the kill,
        // equals the cases counted anew: no batch half done, no note lost or counted twice.
        JsonNode rollup = Api.json(api.as(Account.ADMINISTRATOR).get("statistics/rollup"));
        assertEquals(0, rollup.get("differences").size(), rollup.toString());
        assertTrue(rollup.get("cases").asLong() >= accepted.size(), rollup.toString());
        JsonNode year = Api.json(api.as(Account.AUDITOR).get("statistics?jurisdiction=52&period=year&date="
                + Api.json(api.get("clock")).get("today").asText()));
        assertEquals(rollup.get("cases").asLong(), year.at("/total/registered").asLong(), year.toString());
        assertTrue(karaf.shell("reception:stats-rollup").contains("The rollup equals the cases."));
    }

    /**
     * A lost key file stops the store with the reason on the health endpoint: no new key is written
     * over sealed data and no case answers 500. The file restored from its encrypted backup with the
     * shell (which works while the store is down), every case reads again.
     */
    @Test
    @Order(2)
    void withoutItsKeyFileThePlatformIsDownAndSaysWhyThenRestoredEverythingReads() throws Exception {
        Api api = new Api(karaf);
        JsonNode petition = Api.json(api.post("petitions", Petitions.petition("HEALTH", "病历复印", "医院拒绝复印病历。",
                "520102")));
        String id = petition.get("id").asText();
        String residentId = Api.json(api.post("petitions/" + id + "/disclose", Map.of("purpose", "核对")))
                .at("/petitioners/0/residentId").asText();
        Path keyFile = karaf.home().resolve("etc/reception-pii.keys");
        Path backup = karaf.home().resolve("keys.backup");
        Path passphrase = karaf.home().resolve("passphrase");
        Files.writeString(passphrase, "a passphrase for the backup\n");
        String exported = karaf.shell("reception:keys --passphrase-file " + passphrase + " export " + backup);
        assertTrue(exported.contains("exported"), exported);
        assertFalse(Files.readString(backup).contains(Files.readString(keyFile).lines()
                .filter(line -> line.startsWith("index = ")).findFirst().orElseThrow().substring(8)),
                "the backup is encrypted");
        karaf.stop();
        Files.delete(keyFile);

        karaf.launch();
        JsonNode health = Eventually.value(() -> {
            HttpResponse<String> answer;
            try {
                answer = api.get("health");
            } catch (IOException notYetListening) {
                return null;
            }
            JsonNode keys = answer.statusCode() == 503 ? Api.json(answer).at("/checks/personal-data-keys") : null;
            return keys != null && !keys.isMissingNode() ? Api.json(answer) : null;
        }, "the health endpoint says the key file is missing");
        assertEquals("DOWN", health.get("status").asText());
        assertTrue(health.at("/checks/personal-data-keys/detail").asText().contains("is missing"), health.toString());
        HttpResponse<String> read = api.get("petitions/" + id);
        assertEquals(503, read.statusCode(), read.body());
        String number = petition.get("registrationNumber").asText();
        HttpResponse<String> lookup = api.post("receipts/status", java.util.Map.of("registrationNumber", number,
                "queryCode", "WRONGCODE2"));
        assertEquals(503, lookup.statusCode(), "the receipt lookup: " + lookup.body());
        HttpResponse<String> open311 = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(karaf.http("/api/open311/v2/requests/" + number + ".json"))
                .header("Authorization", Account.OPERATOR.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, open311.statusCode(), "Open311: " + open311.body());
        assertFalse(Files.exists(keyFile), "no new key file written over sealed data");
        String wrong = karaf.shell("reception:keys --passphrase-file " + backup + " import " + backup);
        assertTrue(wrong.contains("Refused") && !Files.exists(keyFile), wrong);
        String restored = karaf.shell("reception:keys --passphrase-file " + passphrase + " import " + backup);
        assertTrue(restored.contains("Keys added"), restored);
        karaf.stop();
        karaf.start();
        assertEquals(residentId, Api.json(api.post("petitions/" + id + "/disclose", Map.of("purpose", "恢复后核对")))
                .at("/petitioners/0/residentId").asText());
        assertEquals("UP", Api.json(api.get("health")).get("status").asText());
    }
}
