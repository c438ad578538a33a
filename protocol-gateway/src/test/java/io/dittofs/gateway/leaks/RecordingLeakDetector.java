package io.dittofs.gateway.leaks;

import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's leak detector for the test JVMs (system property io.netty.customResourceLeakDetector,
 * set in the pom with io.netty.leakDetection.level=paranoid): logs like the stock one and also
 * keeps every report, so FailOnLeakExtension can fail the test class that leaked.
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /** Report even when Netty's own logger is switched off. */
    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add(resourceType + " leaked; release() was not called before it was garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add(resourceType + " leaked (no access records)");
        super.reportUntracedLeak(resourceType);
    }

    /** The reports since the last call. */
    static List<String> drain() {
        List<String> out = new java.util.ArrayList<>();
        for (String s = LEAKS.poll(); s != null; s = LEAKS.poll()) {
            out.add(s);
        }
        return out;
    }
}
