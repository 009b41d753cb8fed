package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document built into the bundle describes exactly the resources of {@code /api/v1}: every
 * resource method of every resource class of this package (the Open311 face, a server of its own,
 * aside) is in it, and nothing else is. A resource added without being documented fails here.
 */
class OpenApiDocumentTest {

    /** The Open311 face is a server of its own; the documentation's page is not part of the API. */
    private static final Set<Class<?>> OTHER_SERVERS = Set.of(Open311Resource.class, ApiDocsResource.class);

    @Test
    void theDocumentListsEveryOperationOfTheApiAndNoOther() throws Exception {
        JsonNode document = document();
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }

        assertEquals(implemented().keySet(), documented);
        assertEquals("/api/v1", document.at("/servers/0/url").asText());
    }

    @Test
    void theDocumentCarriesTheHeadersAndBodiesClientsNeed() throws Exception {
        JsonNode register = document().at("/paths/~1petitions/post");
        assertTrue(register.toString().contains("Idempotency-Key"), register.toString());
        assertTrue(register.at("/requestBody/content/application~1json/schema/$ref").asText().endsWith("NewPetition"));
        assertTrue(document().at("/components/schemas/NewPetition/properties").has("jurisdiction"));
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /**
     * What a client generator needs of each operation: a stable name, a tag, answers for its statuses
     * rather than a {@code default}, and its security: none exactly where the API takes anonymous callers.
     */
    @Test
    void everyOperationIsNamedTaggedAnsweredAndSecuredAsServed() throws Exception {
        JsonNode document = document();
        Set<String> operationIds = new TreeSet<>();
        for (Map.Entry<String, Boolean> operation : implemented().entrySet()) {
            String[] verbAndPath = operation.getKey().split(" ", 2);
            JsonNode described = document.get("paths").get(verbAndPath[1]).get(verbAndPath[0].toLowerCase());
            String name = operation.getKey();
            assertTrue(operationIds.add(described.path("operationId").asText()), name + " has a name of its own");
            assertTrue(described.path("tags").size() > 0, name + " is tagged");
            assertTrue(!described.get("responses").has("default") && described.get("responses").size() > 0,
                    name + " describes its answers: " + described.get("responses"));
            assertTrue(described.has("security"), name + " states its security");
            assertEquals(operation.getValue(), described.get("security").isEmpty(),
                    name + (operation.getValue() ? " is anonymous" : " needs an account"));
        }
    }

    /** Every documented operation, and whether it is anonymous. */
    private static Map<String, Boolean> implemented() throws Exception {
        Map<String, Boolean> operations = new TreeMap<>();
        Path classes = Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/reception/rest");
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName("org.reception.rest." + name.replace(".class", ""));
                javax.ws.rs.Path root = type.getAnnotation(javax.ws.rs.Path.class);
                if (root == null || OTHER_SERVERS.contains(type)) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "GET"
                            : method.isAnnotationPresent(POST.class) ? "POST"
                            : method.isAnnotationPresent(PUT.class) ? "PUT"
                            : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                    if (verb != null) {
                        javax.ws.rs.Path sub = method.getAnnotation(javax.ws.rs.Path.class);
                        operations.put(verb + " " + join(root.value(), sub == null ? "" : sub.value()),
                                type.isAnnotationPresent(Anonymous.class) || method.isAnnotationPresent(Anonymous.class));
                    }
                }
            }
        }
        return operations;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
