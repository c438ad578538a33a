package io.dittofs.gateway.smb.ops;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Server-wide resume keys (MS-SMB2 3.3.5.15.5): 24 random bytes naming an open as the source of a
 * server-side copy. A key is found only while its open is still in its connection's table, so a
 * closed open's key is as good as unknown; the table keeps the newest {@link #MAX} keys.
 */
final class ResumeKeys {

    static final int MAX = 65_536;
    static final int BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Source(OpenTable table, SmbOpen open) {
    }

    private final Map<ByteBuffer, Source> byKey = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Source> eldest) {
            return size() > MAX;
        }
    };
    private final Map<SmbOpen, byte[]> byOpen = new WeakHashMap<>();

    /** The open's key, the same for every request on it. */
    synchronized byte[] keyOf(OpenTable table, SmbOpen open) {
        byte[] key = byOpen.get(open);
        if (key == null || !byKey.containsKey(ByteBuffer.wrap(key))) {
            key = new byte[BYTES];
            RANDOM.nextBytes(key);
            byOpen.put(open, key);
            byKey.put(ByteBuffer.wrap(key), new Source(table, open));
        }
        return key.clone();
    }

    /** The live open a key names, or null. */
    synchronized SmbOpen find(byte[] key) {
        Source e = byKey.get(ByteBuffer.wrap(key));
        if (e == null) {
            return null;
        }
        if (!e.table().live(e.open())) {
            byKey.remove(ByteBuffer.wrap(key));
            return null;
        }
        return e.open();
    }
}
