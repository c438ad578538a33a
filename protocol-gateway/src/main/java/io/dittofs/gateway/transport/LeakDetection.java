package io.dittofs.gateway.transport;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer leak tracking is off in a running server unless asked for. Its default (simple)
 * samples one buffer in 128 and records a stack trace for it: 1–2 % of the server's CPU on small
 * calls (async-profiler, random 4 KiB reads and writes), for a report that only a developer acts
 * on. Tests run with {@code -Dio.netty.leakDetection.level=paranoid} (protocol-gateway's pom), and
 * an operator chasing a suspected leak sets the same property; either wins over this default.
 */
public final class LeakDetection {

    static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";
    private static final String LEGACY_PROPERTY = "io.netty.leakDetectionLevel";

    private LeakDetection() {
    }

    /** Turns tracking off unless a level was given; returns the level now in force. */
    public static ResourceLeakDetector.Level offUnlessConfigured() {
        if (System.getProperty(LEVEL_PROPERTY) == null && System.getProperty(LEGACY_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        return ResourceLeakDetector.getLevel();
    }
}
