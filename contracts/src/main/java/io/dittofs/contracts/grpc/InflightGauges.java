package io.dittofs.contracts.grpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-flight counter per gauge id and registry. A registry keeps the first state object a gauge
 * was registered with, so every component that counts the same gauge must share that object; this
 * hands it out (looked up when meters are created, never per call).
 */
public final class InflightGauges {

    private static final Map<MeterRegistry, Map<String, AtomicInteger>> COUNTERS = new WeakHashMap<>();

    private InflightGauges() {
    }

    /** The counter behind gauge {@code name} with {@code tags} (key-value pairs) in {@code registry}. */
    public static AtomicInteger of(MeterRegistry registry, String name, String... tags) {
        String key = name + "|" + String.join("|", tags);
        Map<String, AtomicInteger> byId;
        synchronized (COUNTERS) {
            byId = COUNTERS.computeIfAbsent(registry, r -> new ConcurrentHashMap<>());
        }
        return byId.computeIfAbsent(key, k -> registry.gauge(name, Tags.of(tags), new AtomicInteger()));
    }
}
