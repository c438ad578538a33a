package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.locks.ClientRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable opens of the whole server (MS-SMB2 3.3.1.10, 3.3.5.9.7, 3.3.5.9.12): the opens whose
 * connection went (kept with their lock-service state for their timeout, then closed), and every
 * live durable v2 open by CreateGuid (a replayed DH2Q finds its open). A kept open's lock-service
 * client outlives its connection: it is released when the last open using it ends.
 */
final class DurableOpens {

    /** The timeout granted when a DH2Q asks for 0 (the server's choice) and the v1 timeout. */
    static final long DEFAULT_TIMEOUT_MS = 60_000;
    /** The longest a disconnected open is kept (Windows: 300 s). */
    static final long MAX_TIMEOUT_MS = 300_000;

    private static final Logger log = LoggerFactory.getLogger(DurableOpens.class);

    private final SmbFileService service;
    /** Disconnected opens by persistent FileId. */
    private final Map<Long, SmbOpen> kept = new HashMap<>();
    /** Live or kept durable v2 opens by CreateGuid. */
    private final Map<String, SmbOpen> byGuid = new HashMap<>();
    private final Map<String, Integer> clientUses = new HashMap<>();
    private final Set<String> orphans = new HashSet<>();

    DurableOpens(SmbFileService service) {
        this.service = service;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Live durable opens (attached to a connection) by persistent FileId. */
    private final Map<Long, SmbOpen> live = new HashMap<>();
    /** How long a reconnect waits for the old connection's teardown to hand its open over. */
    static final long HANDOVER_MS = 2_000;

    /** A durable open was granted (or reclaimed): known by CreateGuid and by FileId. */
    synchronized void guid(SmbOpen o) {
        if (!o.durable()) {
            return;
        }
        live.put(o.id().persistent(), o);
        byte[] g = o.createGuid();
        if (g != null) {
            byGuid.put(hex(g), o);
        }
    }

    /** The durable v2 open made with {@code guid}, or null. */
    synchronized SmbOpen byGuid(byte[] guid) {
        return byGuid.get(hex(guid));
    }

    /** The connection of a durable open went: it is kept (and counted as a user of its client) until a reconnect or its timeout. */
    void disconnected(SmbOpen o) {
        synchronized (this) {
            o.disconnected(true);
            live.remove(o.id().persistent(), o);
            kept.put(o.id().persistent(), o);
            notifyAll();
            ClientRef c = o.client();
            if (c != null && !o.clientRetained()) {
                o.clientRetained(true);
                clientUses.merge(hex(c.id()), 1, Integer::sum);
            }
        }
        long timeout = o.durableTimeoutMs();
        Thread.ofVirtual().name("smb-durable-timeout").start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (take(o)) {
                log.debug("durable open {} expired after {} ms", o.path(), timeout);
                close(o);
            }
        });
    }

    /** Takes a disconnected open out for a reconnect (or its end); false when it is no longer kept. */
    synchronized boolean take(SmbOpen o) {
        if (kept.get(o.id().persistent()) != o) {
            return false;
        }
        kept.remove(o.id().persistent());
        o.disconnected(false);
        live.put(o.id().persistent(), o);
        return true;
    }

    /**
     * The disconnected open with this persistent FileId, or null. When the open is still attached
     * (a PreviousSessionId reconnect or a dropped connection whose teardown has not run yet on
     * the old connection), waits a little for the teardown to hand it over.
     */
    synchronized SmbOpen kept(long persistentId) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(HANDOVER_MS);
        while (!kept.containsKey(persistentId) && live.containsKey(persistentId)) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return kept.get(persistentId);
    }

    /** A kept open must go now (its timeout, or an oplock break nobody can acknowledge). */
    void expire(SmbOpen o) {
        if (take(o)) {
            close(o);
        }
    }

    private void close(SmbOpen o) {
        try {
            o.commands().release(o);
        } catch (RuntimeException e) {
            log.warn("closing the expired durable open {} failed: {}", o.path(), e.toString());
        }
    }

    /** The open ended (closed or expired): forgets its CreateGuid, and its client when it was the last user. */
    void ended(SmbOpen o) {
        ClientRef release = null;
        synchronized (this) {
            byte[] g = o.createGuid();
            if (g != null) {
                byGuid.remove(hex(g), o);
            }
            live.remove(o.id().persistent(), o);
            notifyAll();
            ClientRef c = o.client();
            if (c != null && o.clientRetained()) {
                o.clientRetained(false);
                String k = hex(c.id());
                int left = clientUses.merge(k, -1, Integer::sum);
                if (left <= 0) {
                    clientUses.remove(k);
                    if (orphans.remove(k)) {
                        release = c;
                    }
                }
            }
        }
        if (release != null && service.locks != null) {
            service.locks.releaseClient(release);
        }
    }

    /**
     * A connection closed: its lock-service client is released now unless kept durable opens still
     * use it (then when the last of them ends). True when released now.
     */
    boolean connectionClosed(ClientRef c) {
        synchronized (this) {
            String k = hex(c.id());
            if (clientUses.getOrDefault(k, 0) > 0) {
                orphans.add(k);
                return false;
            }
        }
        return true;
    }
}
