package io.dittofs.gateway.transport;

import io.netty.util.ResourceLeakDetector;
import java.util.Locale;

/**
 * Netty's buffer leak tracking for the whole JVM, from {@code dittofs.gateway.netty-leak-detection}.
 * A running server keeps it off by default: Netty's own default (simple) samples one buffer in 128
 * and records a stack trace for it, 1–2 % of the server's CPU on small calls (async-profiler,
 * random 4 KiB reads and writes), for a report only a developer acts on. The project's tests run at
 * paranoid (protocol-gateway's pom) and fail on any leak.
 */
public final class LeakDetection {

    private LeakDetection() {
    }

    /** Sets the level (disabled, simple, advanced or paranoid, any case) and returns it. */
    public static ResourceLeakDetector.Level apply(String level) {
        ResourceLeakDetector.Level l = ResourceLeakDetector.Level.valueOf(level.trim().toUpperCase(Locale.ROOT));
        ResourceLeakDetector.setLevel(l);
        return l;
    }
}
