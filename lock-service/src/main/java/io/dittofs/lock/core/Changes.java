package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import io.dittofs.lock.spi.Kind;
import io.dittofs.lock.spi.Mutation;
import io.dittofs.lock.spi.RecordCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * One atomic change to the lock table: durable mutations for the store plus the same changes for
 * memory, applied only after the store accepted the batch. Work functions therefore read the state
 * as it was before they started; nothing they record is visible until {@link LockTable#write}
 * commits it, and nothing is applied at all if the store fails.
 */
public final class Changes {

    private final LockTable table;
    final List<Mutation> mutations = new ArrayList<>();
    final List<Runnable> actions = new ArrayList<>();
    final List<CoreEvent> events = new ArrayList<>();

    Changes(LockTable table) {
        this.table = table;
    }

    public ByteString newId() {
        return table.ids().next();
    }

    public void putClient(ClientEntry c, boolean durable) {
        if (durable) {
            mutations.add(Mutation.put(Kind.CLIENT, c.id(), RecordCodec.client(c)));
        }
        actions.add(() -> table.applyClient(c));
    }

    public void removeClient(ClientEntry c) {
        mutations.add(Mutation.delete(Kind.CLIENT, c.id()));
        actions.add(() -> table.dropClient(c));
    }

    public void putLock(HeldLock l) {
        mutations.add(Mutation.put(Kind.LOCK, l.id(), RecordCodec.lock(l)));
        actions.add(() -> table.putLock(l));
    }

    /** In memory only: the reclaim mark is not durable. */
    public void markLock(HeldLock l) {
        actions.add(() -> table.putLock(l));
    }

    public void removeLock(HeldLock l) {
        mutations.add(Mutation.delete(Kind.LOCK, l.id()));
        actions.add(() -> table.removeLock(l));
    }

    public void putOpen(OpenEntry o, boolean durable) {
        if (durable) {
            mutations.add(Mutation.put(Kind.OPEN, o.id(), RecordCodec.open(o)));
        }
        actions.add(() -> {
            table.fileForUpdate(o.file(), o.owner().client()).opens.put(o.id(), o);
            table.indexState(o.id(), o.file());
        });
    }

    public void removeOpen(OpenEntry o) {
        mutations.add(Mutation.delete(Kind.OPEN, o.id()));
        actions.add(() -> {
            table.update(o.file(), f -> f.opens.remove(o.id()));
            table.unindexState(o.id());
        });
    }

    /** {@code durable} is false for changes of the break state only, which is not persisted. */
    public void putGrant(GrantEntry g, boolean durable) {
        if (durable) {
            mutations.add(Mutation.put(Kind.GRANT, g.id(), RecordCodec.grant(g)));
        }
        actions.add(() -> table.putGrant(g));
    }

    public void removeGrant(GrantEntry g) {
        mutations.add(Mutation.delete(Kind.GRANT, g.id()));
        actions.add(() -> table.removeGrant(g));
    }

    public void addWaiter(HeldLock request) {
        actions.add(() -> table.enqueue(request));
    }

    public void removeWaiter(Waiter w) {
        actions.add(() -> table.dequeue(w));
    }

    public void event(CoreEvent e) {
        events.add(e);
    }

    /** Runs after the batch is applied, still under the table mutex (e.g. grant waiters on a file). */
    public void after(Runnable r) {
        actions.add(r);
    }
}
