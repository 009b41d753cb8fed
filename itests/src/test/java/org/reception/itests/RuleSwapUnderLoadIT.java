package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A county's module is replaced ten times, in place (its jar in deploy/ rewritten), while clients
 * post petitions of that county without pause: no request fails, no petition of the county is
 * decided by anything but the county's module, and every decision names one version whose unit
 * it carries (never the unit of one version with the name of another).
 */
class RuleSwapUnderLoadIT {

    private static final String COUNTY = "520115";
    private static final int CLIENTS = 4;
    private static final int SWAPS = 10;

    private static KarafInstance karaf;
    private static Api api;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("rule-swap");
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
    void tenSwapsUnderLoadLoseNothingAndMixNothing() throws Exception {
        Path jar = karaf.home().resolve("deploy/guanshanhu-health.jar");
        RuleModuleJars.write(jar, module(0));
        awaitVersion(version(0));

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<JsonNode> decisions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            load.add(clients.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        Map<String, Object> petition = Petitions.petition("HEALTH", "看病难 " + client + "-" + n++,
                                "请求处理。", COUNTY);
                        petition.put("petitioners", List.of(Petitions.person("李四",
                                Petitions.residentId("52011519800101" + String.format("%03d", client + 1)), false)));
                        HttpResponse<String> answer = api.post("petitions", petition);
                        if (answer.statusCode() != 201) {
                            failures.add(answer.statusCode() + " " + answer.body());
                        } else {
                            decisions.add(Api.json(answer).get("routing"));
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
                return null;
            }));
        }
        try {
            for (int swap = 1; swap <= SWAPS; swap++) {
                RuleModuleJars.write(jar, module(swap));
                awaitDecidedBy(decisions, version(swap));
            }
        } finally {
            running.set(false);
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }

        assertEquals(List.of(), List.copyOf(failures), "failed requests");
        Set<String> versionsSeen = new TreeSet<>();
        for (JsonNode routing : decisions) {
            String version = routing.at("/provenance/moduleVersion").asText();
            assertEquals("guanshanhu-health", routing.at("/provenance/moduleId").asText(),
                    "never the province's routing during a swap: " + routing);
            int swap = Integer.parseInt(version.substring(version.lastIndexOf('.') + 1));
            assertEquals(unit(swap), routing.get("unitCode").asText(), "one version's unit with its own name");
            assertEquals(List.of("Health to unit " + swap), rulesFired(routing));
            versionsSeen.add(version);
        }
        assertTrue(decisions.size() > SWAPS * CLIENTS, "load ran throughout: " + decisions.size() + " petitions");
        assertEquals(SWAPS + 1, versionsSeen.size(), "every version decided: " + versionsSeen);
        assertTrue(karaf.shell("rules:list").contains(version(SWAPS)));
    }

    private static byte[] module(int swap) throws Exception {
        return RuleModuleJars.bytes("guanshanhu-health", version(swap), COUNTY, Map.of("rules/routing.drl",
                RuleModuleJars.HEAD + """
                        rule "Health to unit %d"
                        when PetitionFact( category == Category.HEALTH )
                        then insert( new Routing( "%s", "观山湖区卫生健康局", "属地管理" ) );
                        end
                        """.formatted(swap, unit(swap))));
    }

    private static String version(int swap) {
        return "1.0." + swap;
    }

    private static String unit(int swap) {
        return COUNTY + "-U" + swap;
    }

    private static List<String> rulesFired(JsonNode routing) {
        List<String> rules = new ArrayList<>();
        routing.at("/provenance/rulesFired").forEach(rule -> rules.add(rule.asText()));
        return rules;
    }

    private static void awaitVersion(String version) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = api.post("petitions", Petitions.petition("HEALTH", "看病难", "请求处理。", COUNTY));
            if (version.equals(Api.json(answer).at("/routing/provenance/moduleVersion").asText())) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("version " + version + " did not decide within 30 s");
    }

    /** Waits until the load itself has met the new version, so that every swap happens under load. */
    private static void awaitDecidedBy(ConcurrentLinkedQueue<JsonNode> decisions, String version) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (decisions.stream().anyMatch(r -> version.equals(r.at("/provenance/moduleVersion").asText()))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("version " + version + " did not decide within 30 s");
    }
}
