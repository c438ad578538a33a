package io.dittofs.gateway.nfs.v4;

import io.netty.buffer.ByteBuf;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;

/**
 * Duplicate request cache for NFSv4.0 COMPOUNDs. NFSv4.0 has no sessions, so a client that lost a
 * reply retransmits the call with the same xid (RFC 7530 §3.1.1), and a retransmitted CREATE,
 * REMOVE or RENAME must not fail because its first run succeeded (the open-owner seqid replay
 * rules cover only the state operations). 4.1 does not need it: SEQUENCE's slots are its
 * exactly-once cache.
 *
 * <p>Keyed by the client's address and port (clients reconnect from the same port so that their
 * retransmissions find the cache; another client, or another process on the same host, has
 * another port and its own xids — pynfs starts every run at xid 1), the xid, and the length and
 * a checksum of the arguments, so a reused xid with other arguments runs anew. Only replies of
 * compounds that reached a non-idempotent operation are kept, up to {@link #MAX_REPLY} bytes
 * each, {@code maxBytes} in all and for {@code maxAge} (least recently used evicted first). A
 * retransmission that arrives while the original still runs waits for its reply instead of
 * running it a second time.
 */
public final class Nfs40ReplyCache {

    /** Replies above this are not kept (a large READ beside a CREATE is rare and cheap to redo). */
    public static final int MAX_REPLY = 64 * 1024;
    /** How long a reply is kept: clients retransmit within seconds to a couple of minutes. */
    public static final Duration MAX_AGE = Duration.ofMinutes(2);

    public record Key(String client, int xid, int length, long checksum) {
    }

    private record Entry(CompletableFuture<byte[]> reply, long born) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** @param maxEntries 0 disables the cache (as {@code dittofs.nfs.drc-entries=0} does for the RPC layer's) */
    public Nfs40ReplyCache(int maxEntries, long maxBytes) {
        this(maxEntries, maxBytes, MAX_AGE, System::nanoTime);
    }

    public Nfs40ReplyCache(int maxEntries, long maxBytes, Duration maxAge, LongSupplier nanoClock) {
        if (maxEntries < 0 || maxBytes < MAX_REPLY || maxAge.isNegative()) {
            throw new IllegalArgumentException("reply cache of " + maxEntries + " entries, " + maxBytes + " bytes, "
                    + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** @param client the client's address and port, e.g. {@code 10.0.0.7:812} */
    public static Key key(String client, int xid, ByteBuf args) {
        CRC32C crc = new CRC32C();
        crc.update(args.nioBuffer(args.readerIndex(), args.readableBytes()));
        return new Key(client, xid, args.readableBytes(), crc.getValue());
    }

    /**
     * Registers the call as running; returns null when it is new (the caller runs it and must call
     * {@link #finish}), otherwise the earlier call's reply (completed with null when that reply was
     * not kept).
     */
    public synchronized CompletableFuture<byte[]> begin(Key key) {
        if (maxEntries == 0) {
            return null;
        }
        long now = nanoClock.getAsLong();
        Entry earlier = entries.get(key);
        if (earlier != null && earlier.reply().isDone() && now - earlier.born() > maxAgeNanos) {
            drop(key, earlier);
            earlier = null;
        }
        if (earlier != null) {
            return earlier.reply();
        }
        entries.put(key, new Entry(new CompletableFuture<>(), now));
        evict();
        return null;
    }

    /** @param reply the COMPOUND4res bytes to answer retransmissions with, or null to keep nothing */
    public synchronized void finish(Key key, byte[] reply) {
        byte[] kept = reply != null && reply.length <= MAX_REPLY ? reply : null;
        Entry e = entries.get(key);
        if (e == null || e.reply().isDone()) {
            return; // evicted while it ran (its waiters were released then)
        }
        if (kept == null) {
            entries.remove(key);
        } else {
            bytes += kept.length;
        }
        e.reply().complete(kept);
        evict();
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private void drop(Key key, Entry e) {
        byte[] reply = e.reply().getNow(null);
        if (reply != null) {
            bytes -= reply.length;
        }
        entries.remove(key);
    }

    private void evict() {
        var it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            var e = it.next();
            // a running call's entry stays (its retransmissions wait for it) unless the count cap forces it out
            if (!e.getValue().reply().isDone() && entries.size() <= maxEntries) {
                continue;
            }
            byte[] reply = e.getValue().reply().getNow(null);
            if (reply != null) {
                bytes -= reply.length;
            }
            e.getValue().reply().complete(null);
            it.remove();
        }
    }
}
