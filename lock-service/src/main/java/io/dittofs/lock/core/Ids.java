package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * State ids (clients, opens, locks, grants): 8 random bytes chosen at start-up followed by a
 * counter, so ids are unique across restarts without a random draw per call.
 */
public final class Ids {

    private static final HexFormat HEX = HexFormat.of();

    private final long epoch;
    private final AtomicLong counter = new AtomicLong();

    public Ids() {
        this.epoch = new SecureRandom().nextLong();
    }

    public ByteString next() {
        long n = counter.incrementAndGet();
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (epoch >>> (56 - 8 * i));
            b[8 + i] = (byte) (n >>> (56 - 8 * i));
        }
        return ByteString.copyFrom(b);
    }

    public static String hex(ByteString b) {
        return HEX.formatHex(b.toByteArray());
    }
}
