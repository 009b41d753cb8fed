package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The archive as a province installs it: unpacked on a server that has no Maven, no {@code ~/.m2}
 * and no network. Everything the platform needs, and every optional feature the documentation
 * names, comes from the archive's {@code system/} folder.
 */
class DistributionIT {

    /** The features the documentation has operators install, beyond the boot features. */
    private static final List<String> OPTIONAL = List.of("reception-store-derbyclient", "reception-store-postgresql",
            "reception-rules-guiyang", "reception-rules-nanming", "reception-county-nanming");

    @Test
    void theUnpackedArchiveBootsOfflineWithAnEmptyLocalRepositoryAndInstallsEveryOptionalFeature() throws Exception {
        try (KarafInstance karaf = KarafInstance.unpack("offline")) {
            Properties resolution = properties(karaf.home().resolve("etc/org.ops4j.pax.url.mvn.cfg"));
            assertEquals("", resolution.getProperty("org.ops4j.pax.url.mvn.repositories").strip(), "no remote repository");
            assertEquals("${karaf.home}/${karaf.default.repository}",
                    resolution.getProperty("org.ops4j.pax.url.mvn.localRepository"), "no user repository: system/ alone");
            assertEquals("true", resolution.getProperty("org.ops4j.pax.url.mvn.offline"));

            // A server's user with no Maven at all: an empty home, and the local repository an empty folder.
            Path emptyHome = Files.createDirectories(karaf.home().resolveSibling(karaf.home().getFileName() + "-home"));
            Path emptyRepository = Files.createDirectories(emptyHome.resolve("repository"));
            KarafInstance.setProperty(karaf.home().resolve("etc/org.ops4j.pax.url.mvn.cfg"),
                    "org.ops4j.pax.url.mvn.localRepository", emptyRepository.toString());
            karaf.environment("HOME", emptyHome.toString());
            karaf.environment("EXTRA_JAVA_OPTS", "-Duser.home=" + emptyHome);

            karaf.start();
            Api api = new Api(karaf);
            registersAndReads(api, "离线安装后登记");

            for (String feature : OPTIONAL) {
                karaf.shell("feature:install " + feature);
            }
            String installed = karaf.shell("feature:list -i");
            for (String feature : OPTIONAL) {
                assertTrue(installed.contains(feature), feature + " installed:\n" + installed);
            }
            String factories = karaf.shell("service:list org.osgi.service.jdbc.DataSourceFactory");
            assertTrue(factories.contains("osgi.jdbc.driver.name = derbyclient"), factories);
            assertTrue(factories.contains("osgi.jdbc.driver.name = PostgreSQL JDBC Driver"), factories);
            // The client driver must not take the embedded one's place: the default database goes on.
            registersAndReads(api, "安装驱动后登记");

            assertEquals(List.of(), karaf.loggedErrors(), "errors logged");
            try (Stream<Path> written = Files.walk(emptyHome)) {
                assertEquals(List.of(emptyHome, emptyRepository), written.toList(),
                        "nothing was looked for or put outside the distribution");
            }
        }
    }

    private static void registersAndReads(Api api, String title) throws Exception {
        HttpResponse<String> registered = api.post("petitions", Petitions.petition("ENVIRONMENT", title,
                "小区旁的河道长期发黑发臭。", "520102"));
        assertEquals(201, registered.statusCode(), registered.body());
        JsonNode read = Api.json(api.get("petitions/" + Api.json(registered).get("id").asText()));
        assertEquals(title, read.get("title").asText());
    }

    /**
     * Every bundle and configuration file that a boot feature or an optional feature can pull in,
     * through the features it names and their conditionals, is in {@code system/}: what the
     * assembly leaves out is found here, at build time, not on a server at its first start.
     */
    @Test
    void everyBundleTheDistributionsFeaturesCanPullInIsInItsSystemFolder() throws Exception {
        Path home = Path.of(System.getProperty("reception.distribution"));
        Path system = home.resolve("system");
        Map<String, List<Element>> features = new HashMap<>();
        try (Stream<Path> files = Files.walk(system)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith("features.xml"))::iterator) {
                Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(file.toFile())
                        .getDocumentElement();
                for (Element feature : children(root, "feature")) {
                    features.computeIfAbsent(feature.getAttribute("name"), n -> new ArrayList<>()).add(feature);
                }
            }
        }
        Properties config = properties(home.resolve("etc/org.apache.karaf.features.cfg"));
        Deque<String> toVisit = new ArrayDeque<>();
        for (String boot : config.getProperty("featuresBoot").split(",")) {
            toVisit.add(boot.strip().split("/")[0]);
        }
        toVisit.addAll(OPTIONAL);
        Set<String> visited = new HashSet<>();
        Set<String> missing = new TreeSet<>();
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (!visited.add(name)) {
                continue;
            }
            List<Element> versions = features.get(name);
            if (versions == null) {
                missing.add("feature " + name);
                continue;
            }
            for (Element feature : versions) {
                collect(feature, system, toVisit, missing);
                for (Element conditional : children(feature, "conditional")) {
                    collect(conditional, system, toVisit, missing);
                }
            }
        }
        assertEquals(Set.of(), missing, "not in the distribution's system/ folder");
    }

    private static void collect(Element feature, Path system, Deque<String> toVisit, Set<String> missing) {
        for (Element dependency : children(feature, "feature")) {
            toVisit.add(dependency.getTextContent().strip());
        }
        for (String kind : List.of("bundle", "configfile")) {
            for (Element artifact : children(feature, kind)) {
                String location = artifact.getTextContent().strip();
                Path file = mavenPath(system, location);
                if (file != null && !Files.isRegularFile(file)) {
                    missing.add(location);
                }
            }
        }
    }

    private static final Pattern MVN = Pattern.compile("mvn:([^/]+)/([^/]+)/([^/$]+)(?:/([^/$]*))?(?:/([^/$]+))?");

    /** Where a {@code mvn:} location lies in a Maven-layout folder; null for other kinds of location. */
    private static Path mavenPath(Path repository, String location) {
        Matcher mvn = MVN.matcher(location);
        if (!mvn.find()) {
            return null;
        }
        String group = mvn.group(1);
        String artifact = mvn.group(2);
        String version = mvn.group(3);
        String type = mvn.group(4) == null || mvn.group(4).isEmpty() ? "jar" : mvn.group(4);
        String classifier = mvn.group(5) == null ? "" : "-" + mvn.group(5);
        return repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + classifier + "." + type);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
