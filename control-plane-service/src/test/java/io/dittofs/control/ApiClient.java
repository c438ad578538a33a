package io.dittofs.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for the admin API in tests: real HTTP over loopback, JSON in and out. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, String contentType, String raw) {
        JsonNode json() {
            return raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    String token;

    ApiClient(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Another client on the same server with the given bearer token (null: none). */
    ApiClient as(String token) {
        return new ApiClient(base, token);
    }

    String login(String user, String password) {
        Response r = send("POST", "/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.raw());
        }
        token = r.json().get("accessToken").asString();
        return token;
    }

    Response get(String path) { return send("GET", path, null); }
    Response post(String path, String body) { return send("POST", path, body); }
    Response put(String path, String body) { return send("PUT", path, body); }
    Response delete(String path) { return send("DELETE", path, null); }

    Response send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
