package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.locks.LockEvent;
import io.dittofs.gateway.locks.LockEventListener;
import io.dittofs.gateway.locks.LockManager;
import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.smb.wire.OplockBreak;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMB oplocks of the whole server (MS-SMB2 3.3.4.6, 3.3.5.22.1). An oplock is a caching grant of
 * the lock-service held by its open (level II = READ, exclusive = READ|WRITE, batch =
 * READ|WRITE|HANDLE), so NFSv4 opens and delegations and other SMB opens conflict with it. A
 * conflicting open makes the lock-service send a {@link LockEvent.Break} on the gateway's event
 * stream; it arrives here, and the open's connection gets an unsolicited OPLOCK_BREAK
 * notification. The breaking CREATE waits ({@link #await}) until the holder acknowledges, closes,
 * or the break times out (then the gateway acknowledges for it, as MS-SMB2 3.3.6.1's oplock break
 * acknowledgment timer does).
 */
final class Oplocks implements LockEventListener {

    static final int NONE = 0;
    static final int LEVEL_II = 1;
    static final int EXCLUSIVE = 8;
    static final int BATCH = 9;
    static final int LEASE = 0xFF;

    static final int READ = 1;
    static final int WRITE = 2;
    static final int HANDLE = 4;

    private static final Logger log = LoggerFactory.getLogger(Oplocks.class);

    private final SmbFileService service;
    private final Map<String, SmbOpen> byGrant = new ConcurrentHashMap<>();
    /** Opens holding an oplock, by lock-service file key: a write through another open breaks their level II. */
    private final Map<String, java.util.Set<SmbOpen>> byFile = new ConcurrentHashMap<>();
    /**
     * Breaks that came before their open was registered (a conflicting open right after the grant):
     * kept briefly, bounded; events of other protocols' grants land here too and age out.
     */
    private final Map<String, LockEvent.Break> early = new ConcurrentHashMap<>();
    private static final int MAX_EARLY = 1024;
    private static final long EARLY_MS = 60_000;
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition changed = mutex.newCondition();
    private long generation;

    Oplocks(SmbFileService service) {
        this.service = service;
    }

    /** The lock-service grant bits an oplock level asks for (0 for none, a lease or an unknown level). */
    static int bits(int level) {
        return switch (level) {
            case LEVEL_II -> READ;
            case EXCLUSIVE -> READ | WRITE;
            case BATCH -> READ | WRITE | HANDLE;
            default -> 0;
        };
    }

    /** The oplock level granted bits stand for (READ|HANDLE without WRITE is no oplock level: level II). */
    static int level(int bits) {
        if ((bits & READ) == 0) {
            return NONE;
        }
        if ((bits & WRITE) == 0) {
            return LEVEL_II;
        }
        return (bits & HANDLE) != 0 ? BATCH : EXCLUSIVE;
    }

    void register(SmbOpen o) {
        byte[] g = o.grantId();
        if (g != null && g.length > 0) {
            String k = HexFormat.of().formatHex(g);
            byGrant.put(k, o);
            byFile.computeIfAbsent(HexFormat.of().formatHex(o.fileKey()), x -> ConcurrentHashMap.newKeySet()).add(o);
            LockEvent.Break b = early.remove(k);
            if (b != null) {
                Thread.ofVirtual().name("smb-oplock-break").start(() -> breakOpen(o, b));
            }
        }
    }

    /** The open is gone (closed, or its grant returned): waiting CREATEs retry. */
    void unregister(SmbOpen o) {
        byte[] g = o.grantId();
        if (g != null && g.length > 0) {
            byGrant.remove(HexFormat.of().formatHex(g), o);
            byFile.computeIfPresent(HexFormat.of().formatHex(o.fileKey()), (k, set) -> {
                set.remove(o);
                return set.isEmpty() ? null : set;
            });
        }
        signal();
    }

    /**
     * Data of the file changes through {@code writer} (WRITE, a byte-range lock, a size change, an
     * overwrite): every other level II oplock on it breaks to none, unacknowledged (MS-FSA 2.1.5.17.3,
     * MS-SMB2 3.3.4.6). Exclusive and batch oplocks of other opens were broken when the writer opened.
     */
    void dataChanged(SmbOpen writer) {
        if (!byFile.isEmpty()) {
            dataChanged(writer.fileKey(), writer);
        }
    }

    /** As above for the file (or stream) with lock-service key {@code fileKey}; {@code writer} may be null. */
    void dataChanged(byte[] fileKey, SmbOpen writer) {
        if (byFile.isEmpty()) {
            return;
        }
        java.util.Set<SmbOpen> holders = byFile.get(HexFormat.of().formatHex(fileKey));
        if (holders == null) {
            return;
        }
        for (SmbOpen o : holders) {
            if (o == writer || o.oplockLevel() != LEVEL_II || o.breakingTo() >= 0) {
                continue;
            }
            byte[] g = o.grantId();
            o.broken(NONE);
            if (!o.disconnected()) {
                send(o, NONE);
            }
            service.locks.ackBreak(g, 0);
        }
    }

    @Override
    public void onEvent(LockEvent event) {
        if (event instanceof LockEvent.Break b) {
            String k = HexFormat.of().formatHex(b.grantId());
            SmbOpen o = byGrant.get(k);
            if (o != null) {
                // the listener runs on a gRPC thread: sending and releasing may call services
                Thread.ofVirtual().name("smb-oplock-break").start(() -> breakOpen(o, b));
            } else {
                keepEarly(k, b);
            }
        }
    }

    private void keepEarly(String k, LockEvent.Break b) {
        if (early.size() >= MAX_EARLY) {
            long now = System.currentTimeMillis();
            early.values().removeIf(e -> e.deadlineEpochMs() < now - EARLY_MS);
            if (early.size() >= MAX_EARLY) {
                early.clear();
            }
        }
        early.put(k, b);
        SmbOpen raced = byGrant.get(k);
        if (raced != null && early.remove(k, b)) {
            Thread.ofVirtual().name("smb-oplock-break").start(() -> breakOpen(raced, b));
        }
    }

    private void breakOpen(SmbOpen o, LockEvent.Break b) {
        LockManager locks = service.locks;
        int to = (b.newBits() & READ) != 0 ? LEVEL_II : NONE;
        if (o.disconnected()) {
            // a durable open whose client is away cannot acknowledge: it is closed (MS-SMB2 3.3.4.6)
            service.durables.expire(o);
            return;
        }
        int current = o.oplockLevel();
        if (current == NONE || current <= to) {
            // already there (a voluntary downgrade, or a break the client answered meanwhile)
            locks.ackBreak(b.grantId(), Oplocks.bits(current) & b.newBits());
            signal();
            return;
        }
        if (current == LEVEL_II) {
            // level II to none is not acknowledged by the client (MS-SMB2 3.3.4.6): done at once
            send(o, NONE);
            o.broken(NONE);
            locks.ackBreak(b.grantId(), 0);
            signal();
            return;
        }
        if (!o.breaking(to)) {
            return;
        }
        send(o, to);
        Duration timeout = service.breakTimeout();
        Thread.ofVirtual().name("smb-oplock-timer").start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (o.breakingTo() == to && o.commands() != null && o.commands().opens.live(o)) {
                log.debug("oplock break of {} not acknowledged in {}: now level {}", o.path(), timeout, to);
                acknowledged(o, to);
            }
        });
    }

    /** Ends a break at {@code level}: the lock-service keeps that much of the grant. */
    LockStatus acknowledged(SmbOpen o, int level) {
        byte[] g = o.grantId();
        o.broken(level);
        LockStatus s = g == null || g.length == 0 ? LockStatus.OK : service.locks.ackBreak(g, bits(level));
        signal();
        return s;
    }

    private static void send(SmbOpen o, int level) {
        FileCommands c = o.commands();
        if (c != null) {
            c.push(new OplockBreak(level, o.id()));
        }
    }

    private void signal() {
        mutex.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Waits until some oplock break ends here, at most {@code ms} (breaks elsewhere are polled). */
    void await(long ms) throws InterruptedException {
        mutex.lock();
        try {
            long g = generation;
            long left = TimeUnit.MILLISECONDS.toNanos(ms);
            while (g == generation && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            mutex.unlock();
        }
    }
}
