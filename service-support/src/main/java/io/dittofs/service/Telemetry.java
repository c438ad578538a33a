package io.dittofs.service;

import io.dittofs.contracts.grpc.GrpcTelemetry;
import io.dittofs.contracts.grpc.SlowCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * The gRPC telemetry of a Spring context: its MeterRegistry (if the context has one) and the
 * slow-call threshold {@value SlowCalls#PROPERTY} (a duration, e.g. 500ms or 2s; 0 = off).
 */
public final class Telemetry {

    private Telemetry() {
    }

    public static SlowCalls slowCalls(Environment env) {
        Duration threshold;
        try {
            threshold = env.getProperty(SlowCalls.PROPERTY, Duration.class, SlowCalls.DEFAULT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(SlowCalls.PROPERTY + "=" + env.getProperty(SlowCalls.PROPERTY)
                    + " is not a duration; use e.g. 500ms, 2s or 0 (off)", e);
        }
        return new SlowCalls(threshold);
    }

    public static GrpcTelemetry grpc(Environment env, ObjectProvider<MeterRegistry> registry) {
        return GrpcTelemetry.of(registry.getIfAvailable(), slowCalls(env));
    }
}
