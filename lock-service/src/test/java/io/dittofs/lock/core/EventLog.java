package io.dittofs.lock.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Subscribes to one gateway's events and keeps them. */
public final class EventLog {
    public final List<CoreEvent> events = new CopyOnWriteArrayList<>();
    public final EventHub.Subscription subscription;

    public EventLog(LockTable t, String gateway) {
        subscription = t.read(x -> t.hub().subscribe(gateway, events::add, List.of(), () -> { }));
    }

    public List<CoreEvent.Granted> granted() {
        return events.stream().filter(e -> e instanceof CoreEvent.Granted).map(e -> (CoreEvent.Granted) e).toList();
    }

    public List<CoreEvent.Break> breaks() {
        return events.stream().filter(e -> e instanceof CoreEvent.Break).map(e -> (CoreEvent.Break) e).toList();
    }
}
