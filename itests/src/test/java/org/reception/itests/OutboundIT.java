package org.reception.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cases assigned to counties whose systems are down wait in the durable outbox, survive a restart
 * of the platform, and reach each system exactly once when it comes back: one over REST, one over
 * SOAP, each delivery with its idempotency key.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OutboundIT {

    private static KarafInstance karaf;
    private static Api api;
    private static int countyPort;
    private static HttpServer county;
    private static final Map<String, Integer> DELIVERIES_BY_KEY = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger PETITIONERS = new AtomicInteger();

    @BeforeAll
    static void boot() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            countyPort = probe.getLocalPort();
        }
        karaf = KarafInstance.create("outbound");
        karaf.configure("org.reception.outbox", "pollMillis = 200\nmaxBackoffSeconds = 2\n");
        karaf.configure("org.reception.county-520102", "destination = 520102\nprotocol = REST\nurl = http://localhost:"
                + countyPort + "/cases\ntimeoutSeconds = 2\n");
        karaf.configure("org.reception.county-520103", "destination = 520103\nprotocol = SOAP\nurl = http://localhost:"
                + countyPort + "/soap\ntimeoutSeconds = 2\n");
        karaf.start();
        api = new Api(karaf);
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (county != null) {
            county.stop(0);
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void casesForADownCountyWaitSurviveARestartAndArriveExactlyOnce() throws Exception {
        Eventually.until(() -> Api.json(api.get("outbox")).get("destinations").toString().equals("[\"520102\",\"520103\"]"),
                "both county systems registered");
        List<String> numbers = new ArrayList<>();
        numbers.add(assign("520102", "520102-ZJJ", "物业维修基金"));
        numbers.add(assign("520102", "520102-ZJJ", "电梯停运"));
        numbers.add(assign("520103", "520103-ZJJ", "违章搭建"));
        assign("520112", "520112-ZJJ", "没有登记县级系统的区县");

        Eventually.until(() -> {
            JsonNode waiting = Api.json(api.get("outbox?undelivered=true")).get("messages");
            if (waiting.size() != 3) {
                return false;
            }
            for (JsonNode message : waiting) {
                if (message.get("attempts").asInt() < 1 || message.get("lastError").isNull()) {
                    return false;
                }
            }
            return true;
        }, "three deliveries tried and failing while the counties are down");
        assertTrue(karaf.shell("reception:outbox").contains("520102"));

        karaf.stop();
        karaf.start();
        startCounty();

        Eventually.until(() -> Api.json(api.get("outbox?undelivered=true")).get("messages").size() == 0, "everything delivered");
        JsonNode all = Api.json(api.get("outbox")).get("messages");
        assertEquals(3, all.size(), all.toString());
        for (JsonNode message : all) {
            assertEquals("DELIVERED", message.get("status").asText());
        }
        // Several poll cycles more: nothing is delivered a second time.
        TimeUnit.MILLISECONDS.sleep(1_500);
        assertEquals(3, DELIVERIES_BY_KEY.size(), DELIVERIES_BY_KEY.toString());
        assertTrue(DELIVERIES_BY_KEY.values().stream().allMatch(count -> count == 1), DELIVERIES_BY_KEY.toString());
        assertEquals(new TreeSet<>(numbers), new TreeSet<>(RECEIVED), "each case, once");
    }

    /** A county system moves: its file is edited while the platform serves, and the next case goes to the new address. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aCountysNewAddressAppliesToTheNextDeliveryWhileThePlatformServes() throws Exception {
        Eventually.until(() -> county != null, "the county system of the first test is up");
        ConcurrentLinkedQueue<String> moved = new ConcurrentLinkedQueue<>();
        HttpServer newAddress = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        newAddress.createContext("/v2/cases", exchange -> {
            moved.add(Petitions.JSON.readTree(read(exchange)).get("registrationNumber").asText());
            answer(exchange, "application/json", "{\"accepted\": true}");
        });
        newAddress.start();
        try {
            String url = "http://localhost:" + newAddress.getAddress().getPort() + "/v2/cases";
            List<String> adapters = serviceIds(karaf.shell("service:list org.reception.cases.spi.OutboundAdapter"));
            karaf.configure("org.reception.county-520102", "destination = 520102\nprotocol = REST\nurl = " + url
                    + "\ntimeoutSeconds = 2\n");
            Path log = karaf.home().resolve("data/log/reception.log");
            Eventually.until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("County system for 520102 at "
                    + url), "the new address taken");

            String number = assign("520102", "520102-ZJJ", "搬迁后的县级系统");

            Eventually.until(() -> moved.contains(number), "the case delivered to the county's new address");
            assertFalse(RECEIVED.contains(number), "not to the old one");
            assertEquals(adapters, serviceIds(karaf.shell("service:list org.reception.cases.spi.OutboundAdapter")),
                    "the adapters stayed registered: modified in place, not restarted");
        } finally {
            newAddress.stop(0);
        }
    }

    private static List<String> serviceIds(String serviceList) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("service\\.id = (\\d+)").matcher(serviceList);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertEquals(2, ids.size(), serviceList);
        return ids;
    }

    private static String assign(String county, String unit, String title) throws Exception {
        // A petitioner each: the same person's second petition on a matter would not be accepted.
        Map<String, Object> fields = Petitions.withPetitioners(Petitions.petition("HOUSING_CONSTRUCTION", title,
                "请求处理。", county), List.of(Petitions.person("李四", Petitions.residentId("52010219800101"
                        + String.format("%03d", 100 + PETITIONERS.incrementAndGet())), false)));
        HttpResponse<String> created = api.post("petitions", fields);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode petition = Api.json(created);
        HttpResponse<String> assigned = api.step(petition.get("id").asText(), "dispose",
                Map.of("disposition", "ASSIGN", "unit", unit, "reason", "属地管理"));
        assertEquals(200, assigned.statusCode(), assigned.body());
        return petition.get("registrationNumber").asText();
    }

    private static void startCounty() throws IOException {
        county = HttpServer.create(new InetSocketAddress("localhost", countyPort), 0);
        county.createContext("/cases", exchange -> {
            String body = read(exchange);
            record(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    Petitions.JSON.readTree(body).get("registrationNumber").asText());
            answer(exchange, "application/json", "{\"accepted\": true}");
        });
        county.createContext("/soap", exchange -> {
            String body = read(exchange);
            String key = between(body, "idempotencyKey>", "</");
            record(key, between(body, "registrationNumber>", "</"));
            answer(exchange, "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><ReceiveCaseResponse xmlns=\"urn:reception:county:v1\"><accepted>true</accepted>"
                    + "</ReceiveCaseResponse></soap:Body></soap:Envelope>");
        });
        county.start();
    }

    private static void record(String key, String registrationNumber) {
        DELIVERIES_BY_KEY.merge(key, 1, Integer::sum);
        RECEIVED.add(registrationNumber);
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
