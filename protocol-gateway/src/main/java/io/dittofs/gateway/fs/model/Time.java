package io.dittofs.gateway.fs.model;

/** Seconds and nanoseconds since the Unix epoch. */
public record Time(long seconds, int nanos) {

    public static final Time ZERO = new Time(0, 0);

    public Time {
        if (nanos < 0 || nanos >= 1_000_000_000) {
            throw new IllegalArgumentException("nanos out of range: " + nanos);
        }
    }
}
