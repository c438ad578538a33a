package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.util.Set;

/** Drops a client's state: all of it (release, lease expiry) or only what it did not reclaim (grace end). */
public final class ClientRelease {

    private ClientRelease() {
    }

    /** Everything the client holds or waits for, and the client itself if {@code forget}. */
    public static void release(LockTable t, ByteString client, boolean onlyUnreclaimed, boolean forget) {
        Set<ByteString> files = t.filesOf(client);
        t.write(ch -> {
            for (ByteString key : files) {
                FileState f = t.file(key);
                for (HeldLock l : f.locks()) {
                    if (l.owner().client().equals(client) && (!onlyUnreclaimed || l.fromBefore())) {
                        ch.removeLock(l);
                    }
                }
                for (OpenEntry o : f.opens()) {
                    if (o.owner().client().equals(client) && (!onlyUnreclaimed || o.fromBefore())) {
                        ch.removeOpen(o);
                    }
                }
                for (GrantEntry g : f.grants()) {
                    if (g.client().equals(client) && (!onlyUnreclaimed || g.fromBefore())) {
                        ch.removeGrant(g);
                    }
                }
                if (!onlyUnreclaimed) {
                    for (Waiter w : f.waiters()) {
                        if (w.owner().client().equals(client)) {
                            ch.removeWaiter(w);
                        }
                    }
                }
            }
            if (forget) {
                t.client(client).ifPresent(ch::removeClient);
            }
            ch.after(() -> files.forEach(file -> WaitQueue.grantWaiters(t, file)));
            return null;
        });
    }
}
