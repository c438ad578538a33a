package io.dittofs.control.adapters;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the gateway in this process really listens on, as the process that embeds the control
 * plane (the one-JVM launcher) reports it once its listeners are bound. Empty for a standalone
 * control plane, whose gateways run elsewhere: the API then shows no {@code listening} member.
 */
public class RunningListeners {

    /** One adapter's bound sockets; {@code portmapPort} 0 = no separate portmapper. */
    public record Listening(String address, int port, int portmapPort) {
    }

    private final Map<String, Listening> byKind = new ConcurrentHashMap<>();

    void put(String kind, Listening listening) {
        byKind.put(kind, listening);
    }

    public Optional<Listening> get(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
