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
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cases assigned to counties whose systems are down wait in the durable outbox, survive a restart
 * of the platform, and reach each system exactly once when it comes back: one over REST, one over
 * SOAP, each delivery with its idempotency key. A county system that requires HTTP Basic over TLS
 * gets its case once; one that declines a case has it parked as refused until an operator retries.
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
        karaf.configure("org.reception.outbox", "pollMillis = 200\nmaxBackoffSeconds = 2\nmaxRefusals = 2\n");
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

    /**
     * A county system that takes cases over https only, with a certificate of its own (made here,
     * trusted through the county's trust store setting), only from the platform's client
     * certificate (its key store in etc/), and only from the platform's account (HTTP Basic, the
     * password in a file of etc/). While the password file is missing the case waits, saying why;
     * once it is there the case arrives, once.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void aCountyRequiringBasicOverTlsGetsTheCaseOnceWithTheCredentialsOfItsFiles() throws Exception {
        Path work = Files.createTempDirectory(karaf.home(), "county-520111-");
        char[] serverPassword = "county-server-store".toCharArray();
        Path serverStore = work.resolve("county-server.p12");
        keytool("-genkeypair", "-alias", "county", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", serverStore.toString(), "-storepass", new String(serverPassword),
                "-keypass", new String(serverPassword));
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(serverStore)) {
            serverKeys.load(in, serverPassword);
        }
        // The platform trusts the county's own certificate, and through etc/ alone.
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("county-520111", serverKeys.getCertificate("county"));
        try (var out = Files.newOutputStream(karaf.home().resolve("etc/county-520111-trust.p12"))) {
            trusted.store(out, "trust-store-pw".toCharArray());
        }
        Files.writeString(karaf.home().resolve("etc/county-520111-trust.password"), "trust-store-pw\n");
        // The platform's client certificate, in etc/; the county trusts it alone.
        Path clientStore = karaf.home().resolve("etc/county-520111-client.p12");
        keytool("-genkeypair", "-alias", "reception", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=reception-52", "-storetype", "PKCS12", "-keystore", clientStore.toString(),
                "-storepass", "client-store-pw", "-keypass", "client-store-pw");
        Files.writeString(karaf.home().resolve("etc/county-520111-client.password"), "client-store-pw\n");
        KeyStore clientKeys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(clientStore)) {
            clientKeys.load(in, "client-store-pw".toCharArray());
        }
        KeyStore countyTrusts = KeyStore.getInstance("PKCS12");
        countyTrusts.load(null, null);
        countyTrusts.setCertificateEntry("reception", clientKeys.getCertificate("reception"));

        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(serverKeys, serverPassword);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(countyTrusts);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        String expected = "Basic " + Base64.getEncoder().encodeToString("reception-52:County-pw-520111"
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Integer> byKey = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        AtomicInteger withoutCredentials = new AtomicInteger();
        HttpsServer secure = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
        secure.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters required = getSSLContext().getDefaultSSLParameters();
                required.setNeedClientAuth(true);
                parameters.setSSLParameters(required);
            }
        });
        ConcurrentLinkedQueue<String> clients = new ConcurrentLinkedQueue<>();
        secure.createContext("/cases", exchange -> {
            String body = read(exchange);
            clients.add(((java.security.cert.X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates()[0]).getSubjectX500Principal().getName());
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                withoutCredentials.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"county\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            byKey.merge(exchange.getRequestHeaders().getFirst("Idempotency-Key"), 1, Integer::sum);
            received.add(Petitions.JSON.readTree(body).get("registrationNumber").asText());
            answer(exchange, "application/json", "{\"accepted\": true}");
        });
        secure.start();
        try {
            String url = "https://localhost:" + secure.getAddress().getPort() + "/cases";
            karaf.configure("org.reception.county-520111", String.join("\n", "destination = 520111", "protocol = REST",
                    "url = " + url, "timeoutSeconds = 5", "authentication = BASIC", "user = reception-52",
                    "passwordFile = county-520111.password", "keyStore = county-520111-client.p12",
                    "keyStorePasswordFile = county-520111-client.password", "trustStore = county-520111-trust.p12",
                    "trustStoreType = PKCS12", "trustStorePasswordFile = county-520111-trust.password", ""));
            Path log = karaf.home().resolve("data/log/reception.log");
            Eventually.until(() -> Files.readString(log, StandardCharsets.UTF_8).contains(
                    "County system for 520111: passwordFile "), "the missing password file said in the log");
            Eventually.until(() -> Api.json(api.get("outbox")).get("destinations").toString().contains("520111"),
                    "the county system registered all the same");

            String number = assign("520111", "520111-ZJJ", "县级系统要求认证");
            JsonNode waiting = Eventually.value(() -> {
                JsonNode message = message(number);
                return message != null && message.get("attempts").asInt() >= 1 ? message : null;
            }, "an attempt that could not be made without the password");
            assertEquals("PENDING", waiting.get("status").asText());
            assertTrue(waiting.get("lastError").asText().matches(
                    "not sent to localhost:\\d+: passwordFile .*county-520111\\.password does not exist"),
                    waiting.toString());

            Files.writeString(karaf.home().resolve("etc/county-520111.password"), "County-pw-520111\n");

            Eventually.until(() -> "DELIVERED".equals(message(number).get("status").asText()), "delivered over TLS");
            assertEquals(List.of(number), List.copyOf(received), "the case, once");
            assertEquals(1, byKey.size(), byKey.toString());
            assertTrue(byKey.values().stream().allMatch(count -> count == 1), byKey.toString());
            assertEquals(0, withoutCredentials.get(), "every request signed in, the first one too");
            assertEquals(List.of("CN=reception-52"), List.copyOf(clients), "with the platform's client certificate");
        } finally {
            secure.stop(0);
        }
    }

    /**
     * A SOAP county system (the platform signs in with a bearer token) that answers accepted=false
     * has not taken the case: the case is tried again, then parked as REFUSED with the county's
     * reason, and nothing more is sent; an operator's retry after the county starts accepting
     * delivers it, once.
     */
    @Test
    @org.junit.jupiter.api.Order(4)
    void aCaseTheCountyDeclinesIsParkedRefusedAndARetryDeliversItOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.writeString(karaf.home().resolve("etc/county-520113.token"), "token-of-520113\n");
        karaf.configure("org.reception.county-520113", "destination = 520113\nprotocol = SOAP\nurl = http://localhost:"
                + port + "/soap\ntimeoutSeconds = 2\nauthentication = BEARER\ntokenFile = county-520113.token\n");
        Eventually.until(() -> Api.json(api.get("outbox")).get("destinations").toString().contains("520113"),
                "the county system registered");
        String number = assign("520113", "520113-ZJJ", "县级系统拒收");
        JsonNode down = Eventually.value(() -> {
            JsonNode message = message(number);
            return message != null && message.get("attempts").asInt() >= 1 ? message : null;
        }, "an attempt while the county system is down");
        assertEquals("localhost:" + port + ": connection refused", down.get("lastError").asText(), down.toString());

        AtomicBoolean accepting = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        Map<String, Integer> accepted = new ConcurrentHashMap<>();
        HttpServer declining = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        AtomicInteger unauthorized = new AtomicInteger();
        declining.createContext("/soap", exchange -> {
            String body = read(exchange);
            if (!"Bearer token-of-520113".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            attempts.incrementAndGet();
            boolean yes = accepting.get();
            if (yes) {
                accepted.merge(between(body, "idempotencyKey>", "</"), 1, Integer::sum);
            }
            answer(exchange, "text/xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><ReceiveCaseResponse xmlns=\"urn:reception:county:v1\"><accepted>" + yes
                    + "</accepted>" + (yes ? "" : "<reason>本系统尚未开通白云区住建局</reason>")
                    + "</ReceiveCaseResponse></soap:Body></soap:Envelope>");
        });
        declining.start();
        try {
            JsonNode refused = Eventually.value(() -> {
                JsonNode message = message(number);
                return "REFUSED".equals(message.get("status").asText()) ? message : null;
            }, "the case parked as refused");
            assertEquals("localhost:" + port + ": accepted=false: 本系统尚未开通白云区住建局", refused.get("lastError").asText());
            assertTrue(refused.get("nextAttemptAt").isNull(), refused.toString());
            assertTrue(refused.get("deliveredAt").isNull(), refused.toString());
            assertEquals(2, attempts.get(), "refused twice (maxRefusals = 2), then no more attempts");
            String shell = karaf.shell("reception:outbox");
            assertTrue(shell.contains("REFUSED") && shell.contains(number), shell);

            accepting.set(true);
            HttpResponse<String> retried = api.post("outbox/" + refused.get("id").asText() + "/retry", Map.of());
            assertEquals(200, retried.statusCode(), retried.body());

            Eventually.until(() -> "DELIVERED".equals(message(number).get("status").asText()), "delivered after the retry");
            assertEquals(3, attempts.get(), "one attempt after the retry, none while parked");
            assertEquals(0, unauthorized.get(), "every attempt with the bearer token of its file");
            assertEquals(1, accepted.size(), accepted.toString());
            assertEquals(1, accepted.values().iterator().next(), accepted.toString());
            assertEquals(404, api.post("outbox/" + refused.get("id").asText() + "/retry", Map.of()).statusCode(),
                    "a delivered case is not sent again");
        } finally {
            declining.stop(0);
        }
    }

    /** The SOAP contract county systems implement is served without an account, as the very file the client is built on. */
    @Test
    @org.junit.jupiter.api.Order(5)
    void theCountyContractIsServedAsTheClientUsesIt() throws Exception {
        HttpResponse<String> wsdl = api.as(null).get("contracts/county-v1.wsdl");
        assertEquals(200, wsdl.statusCode(), wsdl.body());
        assertTrue(wsdl.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), wsdl.headers().toString());
        assertEquals(Files.readString(Path.of("..", "bundles", "outbound", "src", "main", "resources", "wsdl",
                "county-v1.wsdl"), StandardCharsets.UTF_8), wsdl.body());
    }

    /** The outbox's entry for a case, or null while there is none. */
    private static JsonNode message(String registrationNumber) throws Exception {
        for (JsonNode message : Api.json(api.get("outbox")).get("messages")) {
            if (registrationNumber.equals(message.get("registrationNumber").asText())) {
                return message;
            }
        }
        return null;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, keytool.exitValue(), output);
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
