package io.dittofs.cli.common;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The admin API over java.net.http. Sends the saved access token; when the server answers 401
 * and a refresh token is saved, refreshes once, saves the new tokens and retries.
 */
public final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final Credentials credentials;

    public AdminClient(String server, Credentials credentials) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.credentials = credentials;
    }

    public String server() {
        return server;
    }

    public static String seg(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public JsonNode get(String path) { return call("GET", path, null); }
    public JsonNode post(String path, JsonNode body) { return call("POST", path, body); }
    public JsonNode put(String path, JsonNode body) { return call("PUT", path, body); }
    public JsonNode delete(String path) { return call("DELETE", path, null); }

    /**
     * Waits until the suite answers ready (GET /actuator/health/readiness is 200: the embedded
     * launcher turns it UP once its NFS listener is bound). Returns false when {@code timeout} passes.
     */
    public boolean awaitReady(Duration timeout, Runnable firstWait) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet (the first ./dittofs run builds before it starts)
            } catch (IllegalArgumentException e) {
                throw new ApiException(0, "bad server URL '" + server + "': " + e.getMessage());
            }
            if (System.nanoTime() > until) {
                return false;
            }
            if (!told) {
                firstWait.run();
                told = true;
            }
            Thread.sleep(1000);
        }
    }

    /** Without the saved token: login and refresh. */
    public JsonNode postAnonymous(String path, JsonNode body) {
        return parse(send("POST", path, body, null));
    }

    private JsonNode call(String method, String path, JsonNode body) {
        Credentials.Saved saved = credentials.load().filter(s -> server.equals(s.server())).orElse(null);
        if (saved == null) {
            throw new ApiException(401, "not logged in to " + server + "; run: dfsctl login");
        }
        HttpResponse<String> r = send(method, path, body, saved.accessToken());
        if (r.statusCode() == 401 && saved.refreshToken() != null) {
            var refresh = Json.MAPPER.createObjectNode().put("refreshToken", saved.refreshToken());
            HttpResponse<String> rr = send("POST", "/api/v1/auth/refresh", refresh, null);
            if (rr.statusCode() == 200) {
                JsonNode t = Json.MAPPER.readTree(rr.body());
                credentials.save(new Credentials.Saved(server, t.get("accessToken").asString(),
                        t.get("refreshToken").asString(), saved.user()));
                r = send(method, path, body, t.get("accessToken").asString());
            }
        }
        return parse(r);
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException(0, "cannot connect to " + server + " (set --server or DITTOFS_SERVER)");
        } catch (IOException e) {
            throw new ApiException(0, "request to " + server + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted");
        } catch (IllegalArgumentException e) {
            throw new ApiException(0, "bad server URL '" + server + "': " + e.getMessage());
        }
    }

    private static JsonNode parse(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return body.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body);
        }
        String message = "HTTP " + r.statusCode();
        try {
            JsonNode p = Json.MAPPER.readTree(body);
            if (p.hasNonNull("detail")) {
                message = p.get("detail").asString();
                if (p.hasNonNull("field")) {
                    message += " (field: " + p.get("field").asString() + ")";
                }
                message += " [" + r.statusCode() + "]";
            }
        } catch (RuntimeException e) {
            // not problem+json (a proxy's error page, say): the status alone is the message
        }
        throw new ApiException(r.statusCode(), message);
    }
}
