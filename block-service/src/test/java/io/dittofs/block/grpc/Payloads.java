package io.dittofs.block.grpc;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.PayloadId;
import java.util.Random;

/** Test helpers: payload ids and seeded content. */
public final class Payloads {

    private Payloads() {
    }

    public static PayloadId id(String name) {
        return PayloadId.newBuilder().setValue(ByteString.copyFromUtf8(name)).build();
    }

    public static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
