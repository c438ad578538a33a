package io.dittofs.gateway.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Bounded duplicate request cache for non-idempotent calls (RFC 5531 leaves it to the server;
 * without it a retransmitted REMOVE or CREATE after a lost reply fails spuriously). Keyed by client
 * address, xid, program/version/procedure and a checksum of the arguments, so a reused xid with
 * other arguments is not mistaken for a retransmission. LRU-evicted at {@code capacity} entries.
 */
public final class DuplicateRequestCache {

    /** Entry state: in progress (no reply yet) or done with the reply bytes. */
    public sealed interface Entry {
    }

    public record InProgress() implements Entry {
    }

    public record Done(byte[] reply) implements Entry {
    }

    public record Key(String client, int xid, int program, int version, int procedure, long checksum) {
    }

    private final int capacity;
    private final Map<Key, Entry> entries;

    public DuplicateRequestCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    public static Key key(String client, RpcCall call) {
        CRC32C crc = new CRC32C();
        var args = call.args();
        crc.update(args.nioBuffer(args.readerIndex(), args.readableBytes()));
        return new Key(client, call.xid(), call.program(), call.version(), call.procedure(), crc.getValue());
    }

    /** Registers the call as in progress; returns the existing entry when it is a duplicate. */
    public synchronized Entry begin(Key key) {
        Entry e = entries.get(key);
        if (e != null) {
            return e;
        }
        entries.put(key, new InProgress());
        evict();
        return null;
    }

    /** Keeps {@code reply} itself (the caller's own copy of the reply bytes, not to be changed afterwards). */
    public synchronized void finish(Key key, byte[] reply) {
        entries.put(key, new Done(reply));
        evict();
    }

    /** The call failed without a reply worth replaying; a retransmission runs it again. */
    public synchronized void abandon(Key key) {
        entries.remove(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    private void evict() {
        var it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
