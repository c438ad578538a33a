package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockEvent;
import io.dittofs.gateway.locks.LockEventListener;
import io.dittofs.gateway.locks.LockTarget;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blocking SMB LOCKs waiting for the lock-service: each waits on a future keyed by client, owner
 * and range, completed by the lock-service's Granted event (one listener for the whole server on
 * the gateway's lock event router). Events of other clients are ignored.
 */
public final class LockWaits implements LockEventListener {

    private record Key(ClientRef client, String owner, long offset, long length) {
        static Key of(LockTarget t) {
            return new Key(t.client(), Arrays.toString(t.owner()), t.offset(), t.length());
        }
    }

    private final Map<Key, CompletableFuture<Boolean>> waits = new ConcurrentHashMap<>();

    /** A future completed with true when granted, false when withdrawn. Register before asking the service. */
    CompletableFuture<Boolean> expect(LockTarget t) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        waits.put(Key.of(t), f);
        return f;
    }

    void withdraw(LockTarget t) {
        CompletableFuture<Boolean> f = waits.remove(Key.of(t));
        if (f != null) {
            f.complete(false);
        }
    }

    @Override
    public void onEvent(LockEvent event) {
        if (event instanceof LockEvent.Granted g) {
            CompletableFuture<Boolean> f = waits.remove(Key.of(g.target()));
            if (f != null) {
                f.complete(true);
            }
        }
    }
}
