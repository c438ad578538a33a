package io.dittofs.block.core;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;

/** Small helpers for engine tests. */
final class EngineFixture {

    private EngineFixture() {
    }

    static ByteString id(String s) {
        return ByteString.copyFromUtf8(s);
    }

    static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void write(BlockEngine e, String id, long off, byte[] data, boolean stable) throws IOException {
        e.write(id(id), off, ByteBuffer.wrap(data), stable);
    }

    static byte[] read(BlockEngine e, String id, long off, int n) throws IOException {
        return e.read(id(id), off, n).data();
    }
}
