package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which module version decides, across updates, refusals, rollbacks, removals and restarts: the
 * versions are recorded in the database, so that a restart changes nothing of what decides. Its
 * own Karaf, because it restarts it.
 */
class RuleModuleVersionsIT {

    /** Zunyi's districts and a county: none has a module of its own until these tests give it one. */
    private static final String HONGHUAGANG = "520302";
    private static final String HUICHUAN = "520303";
    private static final String BOZHOU = "520304";
    private static final String TONGZI = "520322";
    private static final String SUIYANG = "520323";
    private static final String YUNYAN = "520103";

    private static KarafInstance karaf;
    private static Api api;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.create("rule-versions");
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
        Path jar = deployed("yunyan-health.jar");
        RuleModuleJars.write(jar, "yunyan-health", "1.0.0", YUNYAN, RuleModuleJars.healthTo("520103-WJJ"));
        awaitDecidedBy(YUNYAN, "yunyan-health", "1.0.0");

        RuleModuleJars.write(jar, "yunyan-health", "1.1.0", YUNYAN, "rule \"Broken\" when then end end");
        awaitRejection("yunyan-health", "1.1.0");

        JsonNode routing = routingOfANewPetition(YUNYAN);
        assertEquals("520103-WJJ", routing.get("unitCode").asText());
        assertEquals("1.0.0", routing.at("/provenance/moduleVersion").asText(), "the working version still decides");

        RuleModuleJars.write(jar, "yunyan-health", "1.2.0", YUNYAN, RuleModuleJars.healthTo("520103-WJW"));
        assertEquals("520103-WJW", awaitDecidedBy(YUNYAN, "yunyan-health", "1.2.0").get("unitCode").asText());
    }

    /**
     * Four histories, then one restart: after it, each jurisdiction is decided by the version the
     * documentation names (docs/rules.md, "Versions and restarts").
     */
    @Test
    void aRestartKeepsEveryJurisdictionsVersionAndItsRollbackHistory() throws Exception {
        // Rolled back, then restarted: the version rolled back to decides, and the history goes on.
        Path honghuagang = deployed("honghuagang-health.jar");
        for (String version : new String[] {"0.9.0", "1.0.0", "2.0.0"}) {
            RuleModuleJars.write(honghuagang, "honghuagang-health", version, HONGHUAGANG,
                    RuleModuleJars.healthTo(unit("520302", version)));
            awaitDecidedBy(HONGHUAGANG, "honghuagang-health", version);
        }
        assertEquals("1.0.0", rollback("honghuagang-health").get("version").asText());

        // A refused jar dropped over a working one: the bundle now carries only the refused version.
        Path huichuan = deployed("huichuan-health.jar");
        RuleModuleJars.write(huichuan, "huichuan-health", "1.0.0", HUICHUAN, RuleModuleJars.healthTo("520303-V1"));
        awaitDecidedBy(HUICHUAN, "huichuan-health", "1.0.0");
        RuleModuleJars.write(huichuan, "huichuan-health", "1.1.0", HUICHUAN, "rule \"Broken\" when then end end");
        awaitRejection("huichuan-health", "1.1.0");

        // Rolled back, then its source deleted: withdrawn, whatever was rolled back.
        Path bozhou = deployed("bozhou-health.jar");
        for (String version : new String[] {"1.0.0", "2.0.0"}) {
            RuleModuleJars.write(bozhou, "bozhou-health", version, BOZHOU, RuleModuleJars.healthTo(unit("520304", version)));
            awaitDecidedBy(BOZHOU, "bozhou-health", version);
        }
        assertEquals("1.0.0", rollback("bozhou-health").get("version").asText());
        Files.delete(bozhou);
        awaitDecidedBy(BOZHOU, "province-base", null);

        // Two module ids for one county: the second is refused while the first serves.
        RuleModuleJars.write(deployed("tongzi-health.jar"), "tongzi-health", "1.0.0", TONGZI,
                RuleModuleJars.healthTo("520322-FIRST"));
        awaitDecidedBy(TONGZI, "tongzi-health", "1.0.0");
        RuleModuleJars.write(deployed("tongzi-other.jar"), "tongzi-other", "1.0.0", TONGZI,
                RuleModuleJars.healthTo("520322-SECOND"));
        JsonNode secondId = awaitRejection("tongzi-other", "1.0.0");
        assertTrue(secondId.toString().contains("jurisdiction 520322 is served by module tongzi-health"), secondId.toString());
        HttpResponse<String> uploaded = api.postJar("rules/modules", RuleModuleJars.bytes("tongzi-upload", "1.0.0",
                TONGZI, java.util.Map.of("rules/routing.drl", RuleModuleJars.healthTo("520322-THIRD"))));
        assertEquals(422, uploaded.statusCode(), uploaded.body());
        assertTrue(uploaded.body().contains("a second module id for it is refused"), uploaded.body());

        // A module's bundle stopped by hand just before the platform stops: withdrawn, not restored.
        RuleModuleJars.write(deployed("suiyang-health.jar"), "suiyang-health", "1.0.0", SUIYANG,
                RuleModuleJars.healthTo("520323-WJJ"));
        awaitDecidedBy(SUIYANG, "suiyang-health", "1.0.0");
        karaf.shell("bundle:stop org.example.rules.suiyang-health");

        karaf.stop();
        karaf.start();

        assertEquals("520302-V100", decidedBy(HONGHUAGANG, "honghuagang-health", "1.0.0").get("unitCode").asText());
        assertEquals("0.9.0", rollback("honghuagang-health").get("version").asText(), "the rollback history survived");
        assertEquals("520302-V090", decidedBy(HONGHUAGANG, "honghuagang-health", "0.9.0").get("unitCode").asText());

        assertEquals("520303-V1", decidedBy(HUICHUAN, "huichuan-health", "1.0.0").get("unitCode").asText(),
                "the refused drop did not cost the working version");
        assertTrue(api.get("rules/rejections").body().contains("\"1.1.0\""), "the refusal is still on record");

        assertEquals("520304-WJJ", decidedBy(BOZHOU, "province-base", null).get("unitCode").asText(),
                "a deleted source stays withdrawn");

        assertEquals("520322-FIRST", decidedBy(TONGZI, "tongzi-health", "1.0.0").get("unitCode").asText(),
                "the first id still decides, the second is still refused");

        assertEquals("province-base", decidedBy(SUIYANG, "province-base", null).at("/provenance/moduleId").asText(),
                "a bundle stopped by hand stays withdrawn across the restart");
        karaf.shell("bundle:start org.example.rules.suiyang-health");
        awaitDecidedBy(SUIYANG, "suiyang-health", "1.0.0");
    }

    /** The unit a version routes to, e.g. 520302-V090 for 0.9.0. */
    private static String unit(String county, String version) {
        return county + "-V" + version.replace(".", "");
    }

    private static Path deployed(String name) {
        return karaf.home().resolve("deploy/" + name);
    }

    private static JsonNode rollback(String module) throws Exception {
        HttpResponse<String> rolledBack = api.post("rules/modules/" + module + "/rollback", "");
        assertEquals(200, rolledBack.statusCode(), rolledBack.body());
        return Api.json(rolledBack);
    }

    private static JsonNode routingOfANewPetition(String county) throws Exception {
        HttpResponse<String> created = api.post("petitions", Petitions.petition("HEALTH", "医疗纠纷", "手术后并发症。", county));
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).get("routing");
    }

    /** The routing of a new petition, checked to be decided by that module (and version, unless null). */
    private static JsonNode decidedBy(String county, String module, String version) throws Exception {
        JsonNode routing = routingOfANewPetition(county);
        assertEquals(module, routing.at("/provenance/moduleId").asText(), routing.toString());
        if (version != null) {
            assertEquals(version, routing.at("/provenance/moduleVersion").asText(), routing.toString());
        }
        return routing;
    }

    private static JsonNode awaitDecidedBy(String county, String module, String version) throws Exception {
        return Eventually.value(() -> {
            JsonNode routing = routingOfANewPetition(county);
            return module.equals(routing.at("/provenance/moduleId").asText())
                    && (version == null || version.equals(routing.at("/provenance/moduleVersion").asText()))
                    ? routing : null;
        }, module + " " + version + " deciding for " + county);
    }

    private static JsonNode awaitRejection(String module, String version) throws Exception {
        return Eventually.value(() -> {
            for (JsonNode rejection : Api.json(api.get("rules/rejections"))) {
                if (module.equals(rejection.get("id").asText()) && version.equals(rejection.get("version").asText())) {
                    return rejection;
                }
            }
            return null;
        }, "the refusal of " + module + " " + version);
    }
}
