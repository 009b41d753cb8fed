package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broken module never replaces a working one, even when it arrives as an update of the same bundle. */
class RuleModuleUpdateIT {

    private static KarafInstance karaf;
    private static Api api;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("rule-update");
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
    void aBrokenUpdateLeavesTheWorkingVersionDecidingAndAGoodOneReplacesIt() throws Exception {
        Path jar = karaf.home().resolve("deploy/yunyan-health.jar");
        RuleModuleJars.write(jar, "yunyan-health", "1.0.0", "520103", RuleModuleJars.healthTo("520103-WJJ"));
        assertEquals("1.0.0", awaitVersion("1.0.0").at("/provenance/moduleVersion").asText());

        RuleModuleJars.write(jar, "yunyan-health", "1.1.0", "520103", "rule \"Broken\" when then end end");
        awaitLog("rule module yunyan-health 1.1.0");

        JsonNode routing = routingOfANewPetition();
        assertEquals("520103-WJJ", routing.get("unitCode").asText());
        assertEquals("1.0.0", routing.at("/provenance/moduleVersion").asText(), "the working version still decides");

        RuleModuleJars.write(jar, "yunyan-health", "1.2.0", "520103", RuleModuleJars.healthTo("520103-WJW"));
        JsonNode updated = awaitVersion("1.2.0");
        assertEquals("520103-WJW", updated.get("unitCode").asText());
    }

    private static JsonNode routingOfANewPetition() throws Exception {
        HttpResponse<String> created = api.post("petitions", Petitions.petition("HEALTH", "医疗纠纷", "手术后并发症。", "520103"));
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).get("routing");
    }

    private static JsonNode awaitVersion(String version) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode routing;
        do {
            routing = routingOfANewPetition();
            if (version.equals(routing.at("/provenance/moduleVersion").asText())) {
                return routing;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("yunyan-health " + version + " did not decide within 30 s; last: " + routing);
    }

    private static void awaitLog(String text) throws Exception {
        Path log = karaf.home().resolve("data/log/reception.log");
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("'" + text + "' not logged within 30 s");
    }
}
