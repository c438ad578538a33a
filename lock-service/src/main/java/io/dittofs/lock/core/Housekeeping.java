package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timed parts of the model, run by {@link #tick} (every few hundred milliseconds in the
 * service, by hand in tests): expired client leases lose their state, breaks not acknowledged by
 * their deadline are revoked, and the grace period ends, dropping whatever was not reclaimed.
 */
public final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private Housekeeping() {
    }

    public static void tick(LockTable t) {
        t.read(x -> {
            long now = t.now();
            for (ClientEntry c : t.clients()) {
                if (c.expired(now)) {
                    log.info("client {} ({} {}) let its {} s lease expire; its state is released",
                            Ids.hex(c.id()), c.protocol(), c.key().toStringUtf8(), c.leaseSeconds());
                    ClientRelease.release(t, c.id(), false, true);
                }
            }
            revokeOverdueBreaks(t, now);
            settleGrace(t);
            return null;
        });
    }

    /**
     * Ends the grace period if its time has passed but no tick has ended it yet, so no operation
     * sees "grace over" while unreclaimed state still conflicts (that state is already dead).
     */
    public static void settleGrace(LockTable t) {
        long ends = t.graceEndsMs();
        if (ends != 0 && t.now() >= ends) {
            t.read(x -> {
                if (t.graceEndsMs() != 0 && t.now() >= t.graceEndsMs()) {
                    endGrace(t);
                }
                return null;
            });
        }
    }

    /** Ends the grace period now: unreclaimed state is dropped, which may grant waiters. */
    public static void endGrace(LockTable t) {
        t.read(x -> {
            t.endGrace();
            int clients = 0;
            for (ClientEntry c : t.clients()) {
                if (c.hadState()) {
                    ClientRelease.release(t, c.id(), true, false);
                    clients++;
                }
            }
            log.info("grace period over; unreclaimed state of {} client(s) dropped", clients);
            return null;
        });
    }

    private static void revokeOverdueBreaks(LockTable t, long now) {
        List<GrantEntry> overdue = new ArrayList<>();
        for (ByteString id : t.breakingGrants()) {
            t.fileOf(id).map(t::file).map(f -> f.grants.get(id))
                    .filter(g -> g.breaking() && now >= g.deadlineMs()).ifPresent(overdue::add);
        }
        for (GrantEntry g : overdue) {
            log.info("grant {} on client {} not acknowledged in time: revoked to bits {}", Ids.hex(g.id()),
                    Ids.hex(g.client()), g.breakTo());
            t.write(ch -> {
                if (g.breakTo() == 0) {
                    ch.removeGrant(g);
                } else {
                    ch.putGrant(g.withBits(g.breakTo()), true);
                }
                return null;
            });
        }
    }
}
