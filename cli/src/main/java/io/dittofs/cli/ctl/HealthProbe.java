package io.dittofs.cli.ctl;

import io.dittofs.cli.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a service's /actuator/health (anonymous) into one status row: service, status, components. */
final class HealthProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    ObjectNode row(String service, String baseUrl) throws InterruptedException {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("service", service);
        row.put("status", "UNKNOWN");
        row.put("components", "-");
        row.put("url", baseUrl);
        String url = baseUrl.replaceAll("/+$", "") + "/actuator/health";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 503) {
                row.put("status", "HTTP " + r.statusCode());
                row.put("components", "-");
                return row;
            }
            JsonNode health = Json.MAPPER.readTree(r.body());
            row.put("status", health.path("status").asString("UNKNOWN"));
            row.put("components", components(health.path("components")));
        } catch (IOException | IllegalArgumentException e) {
            row.put("status", "UNREACHABLE");
            row.put("components", e.getClass().getSimpleName());
        }
        return row;
    }

    /** "name=STATUS" per component; listeners with their ports, stores with their kind. */
    private static String components(JsonNode comps) {
        List<String> parts = new ArrayList<>();
        for (String name : comps.propertyNames()) {
            JsonNode c = comps.get(name);
            StringBuilder p = new StringBuilder(name).append('=').append(c.path("status").asString("?"));
            JsonNode d = c.path("details");
            if (d.has("kind")) {
                p.append('(').append(d.get("kind").asString()).append(')');
            }
            List<String> listeners = new ArrayList<>();
            for (String l : d.propertyNames()) {
                JsonNode v = d.get(l);
                if (v.isObject() && v.has("port")) {
                    listeners.add(l + ":" + v.get("port").asString() + " " + v.path("status").asString(""));
                }
            }
            if (!listeners.isEmpty()) {
                p.append('(').append(String.join(", ", listeners)).append(')');
            }
            parts.add(p.toString());
        }
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }
}
