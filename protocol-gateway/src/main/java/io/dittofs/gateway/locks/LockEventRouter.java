package io.dittofs.gateway.locks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lock-service keeps ONE event stream per gateway (a second subscription replaces the first), so
 * every protocol (NLM grants, NFSv4 recalls, SMB breaks) listens here and this router is the one
 * subscriber; each listener ignores the events of clients it does not know.
 */
public final class LockEventRouter implements LockEventListener {

    private final List<LockEventListener> listeners = new CopyOnWriteArrayList<>();

    public void add(LockEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void onEvent(LockEvent event) {
        for (LockEventListener l : listeners) {
            l.onEvent(event);
        }
    }
}
