package org.reception.itests;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform's REST API as a client sees it: JSON over HTTP, nothing else. */
final class Api {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KarafInstance karaf;
    private final Account account;

    /** The API as the {@link Account#OPERATOR}, who holds every role over the province. */
    Api(KarafInstance karaf) {
        this(karaf, Account.OPERATOR);
    }

    /** @param account who signs in; {@code null} for nobody */
    Api(KarafInstance karaf, Account account) {
        this.karaf = karaf;
        this.account = account;
    }

    /** The same API, signed in as another account; {@code null} for nobody. */
    Api as(Account other) {
        return new Api(karaf, other);
    }

    private HttpRequest.Builder request(java.net.URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (account != null) {
            request.header("Authorization", account.authorization());
        }
        return request;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(karaf.api(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without a body, such as {@code DELETE}. */
    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return HTTP.send(request(karaf.api(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON; {@code headers} are name, value pairs. */
    HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(karaf.api(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body, String... headers) throws IOException, InterruptedException {
        return post(path, Petitions.json(body), headers);
    }

    /**
     * Takes a step of the procedure as a careful client does: reads the case's ETag as this account
     * and sends it back as {@code If-Match}. An account that cannot read the case sends none, so the
     * platform answers for its access first.
     */
    HttpResponse<String> step(String petitionId, String action, Object body) throws IOException, InterruptedException {
        HttpResponse<String> read = get("petitions/" + petitionId);
        String path = "petitions/" + petitionId + "/" + action;
        return read.statusCode() == 200
                ? post(path, body, "If-Match", read.headers().firstValue("ETag").orElseThrow())
                : post(path, body);
    }

    /** GETs any path of the platform's port, e.g. {@code /api/open311/v2/services.json}. */
    HttpResponse<String> getAt(String path) throws IOException, InterruptedException {
        return HTTP.send(request(karaf.http(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs an HTML form ({@code application/x-www-form-urlencoded}); {@code headers} are name, value pairs. */
    HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String form = String.join("&", fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(),
                StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
        HttpRequest.Builder request = request(karaf.http(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a module jar, as a rule administrator uploads one. */
    HttpResponse<String> postJar(String path, byte[] jar) throws IOException, InterruptedException {
        return HTTP.send(request(karaf.api(path)).header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Petitions.JSON.readTree(response.body());
    }
}
