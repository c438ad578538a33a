package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * State ids (clients, opens, locks, grants): 4 random bytes chosen at start-up followed by an
 * 8-byte counter, so ids are unique across restarts without a random draw per call. Twelve bytes
 * so that an NFSv4 stateid's "other" field can carry an open id as is (a gateway rebuilds its
 * stateids from the service after it restarts).
 */
public final class Ids {

    private static final HexFormat HEX = HexFormat.of();

    public static final int LENGTH = 12;

    private final int epoch;
    private final AtomicLong counter = new AtomicLong();

    public Ids() {
        this.epoch = new SecureRandom().nextInt();
    }

    public ByteString next() {
        long n = counter.incrementAndGet();
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (epoch >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            b[4 + i] = (byte) (n >>> (56 - 8 * i));
        }
        return ByteString.copyFrom(b);
    }

    public static String hex(ByteString b) {
        return HEX.formatHex(b.toByteArray());
    }
}
