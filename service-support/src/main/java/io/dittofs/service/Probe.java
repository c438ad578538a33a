package io.dittofs.service;

import org.springframework.boot.health.contributor.Health;

/**
 * Health from a probe call: UP with the given details, or DOWN naming the failure's type only
 * (messages may hold paths or URLs with credentials, which health output must not show).
 */
public final class Probe {

    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private Probe() {
    }

    public static Health.Builder of(Call call) {
        try {
            call.run();
            return Health.up();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName());
        }
    }
}
