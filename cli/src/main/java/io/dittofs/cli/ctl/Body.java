package io.dittofs.cli.ctl;

import io.dittofs.cli.common.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds a request body, leaving out options that were not given (so updates stay partial). */
final class Body {
    final ObjectNode node = Json.MAPPER.createObjectNode();

    Body put(String name, Object value) {
        switch (value) {
            case null -> { }
            case String s -> node.put(name, s);
            case Boolean b -> node.put(name, b);
            case Integer i -> node.put(name, i);
            case Long l -> node.put(name, l);
            case List<?> list -> {
                ArrayNode a = node.putArray(name);
                list.forEach(v -> a.add(String.valueOf(v)));
            }
            case Map<?, ?> map -> {
                ObjectNode o = node.putObject(name);
                map.forEach((k, v) -> o.put(String.valueOf(k), String.valueOf(v)));
            }
            default -> node.put(name, value.toString());
        }
        return this;
    }
}
