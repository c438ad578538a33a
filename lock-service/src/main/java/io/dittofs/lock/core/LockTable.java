package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.spi.Mutation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * All lock state of the service, in memory, written through to a {@link LockStore}.
 *
 * <p><b>Lock order.</b> One mutex ({@link #mutex}, reentrant) guards every field of the table and
 * every {@link FileState}. While holding it a thread may call the store ({@link LockStore#apply})
 * and the {@link EventHub} (whose own monitor is taken last and never held while calling back
 * into the table; it only queues events, which reach the streams on other threads). Nothing takes the mutex while holding the hub's monitor or a store lock, so
 * the order mutex &rarr; store &rarr; hub is acyclic. A single mutex keeps grants, share modes,
 * queues and the wait-for graph (deadlock detection crosses files) consistent without per-file
 * lock ordering; an operation holds it for microseconds plus one store batch.
 *
 * <p>Operations read the state, record a {@link Changes} and commit it through {@link #write}: the
 * store batch first, then memory, then events, so a failing store leaves memory untouched.
 */
public final class LockTable {

    private final ReentrantLock mutex = new ReentrantLock();
    private final LockStore store;
    private final EventHub hub;
    private final LongSupplier clock;
    private final LockSettings settings;
    private final Ids ids = new Ids();

    private final Map<ByteString, FileState> files = new HashMap<>();
    private final Map<ByteString, ClientEntry> clients = new HashMap<>();
    private final Map<ClientKey, ByteString> clientsByKey = new HashMap<>();
    /** open and grant id -> file. */
    private final Map<ByteString, ByteString> fileOfState = new HashMap<>();
    /** client -> files it may hold state or wait on (may include files it no longer uses). */
    private final Map<ByteString, Set<ByteString>> filesOfClient = new HashMap<>();
    private final Map<Owner, List<Waiter>> waitersByOwner = new HashMap<>();
    /** owner -> number of locks it holds on any file (deadlock detection's fast path). */
    private final Map<Owner, Integer> heldByOwner = new HashMap<>();
    private final Set<ByteString> breaking = new HashSet<>();
    private long waiterSeq;
    private volatile long graceEndsMs;

    private record ClientKey(Protocol protocol, ByteString key) {
    }

    public LockTable(LockStore store, EventHub hub, LongSupplier clock, LockSettings settings) {
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.settings = settings;
        mutex.lock();
        try {
            boolean hadState = StateLoader.load(this, store.loadAll());
            graceEndsMs = hadState && !settings.grace().isZero() ? clock.getAsLong() + settings.grace().toMillis() : 0;
            if (!hadState || settings.grace().isZero()) {
                endGrace();
            }
        } finally {
            mutex.unlock();
        }
    }

    // ---- access for operations (callers hold the mutex through read/write) ----

    public <T> T read(Function<LockTable, T> work) {
        mutex.lock();
        try {
            return work.apply(this);
        } finally {
            mutex.unlock();
        }
    }

    /** Runs {@code work}, then commits what it recorded: store, memory, events. */
    public <T> T write(Function<Changes, T> work) {
        mutex.lock();
        try {
            Changes ch = new Changes(this);
            T result = work.apply(ch);
            commit(ch);
            return result;
        } finally {
            mutex.unlock();
        }
    }

    private void commit(Changes ch) {
        if (!ch.mutations.isEmpty()) {
            store.apply(List.copyOf(ch.mutations));
        }
        ch.actions.forEach(Runnable::run);
        ch.events.forEach(hub::publish);
    }

    public long now() {
        return clock.getAsLong();
    }

    public LockSettings settings() {
        return settings;
    }

    public EventHub hub() {
        return hub;
    }

    Ids ids() {
        return ids;
    }

    /** A fresh state id (unique across restarts). */
    public com.google.protobuf.ByteString newId() {
        return ids.next();
    }

    public boolean inGrace() {
        return graceEndsMs != 0 && now() < graceEndsMs;
    }

    public long graceEndsMs() {
        return graceEndsMs;
    }

    public Optional<ClientEntry> client(ByteString id) {
        return Optional.ofNullable(clients.get(id));
    }

    public Optional<ClientEntry> clientByKey(Protocol p, ByteString key) {
        return Optional.ofNullable(clientsByKey.get(new ClientKey(p, key))).map(clients::get);
    }

    public Iterable<ClientEntry> clients() {
        return List.copyOf(clients.values());
    }

    /** The file's state, or an empty view when nothing is held on it. */
    public FileState file(ByteString key) {
        FileState f = files.get(key);
        return f != null ? f : new FileState(key);
    }

    public Optional<ByteString> fileOf(ByteString openOrGrantId) {
        return Optional.ofNullable(fileOfState.get(openOrGrantId));
    }

    public Set<ByteString> filesOf(ByteString client) {
        return Set.copyOf(filesOfClient.getOrDefault(client, Set.of()));
    }

    public List<Waiter> waitersOf(Owner owner) {
        return waitersByOwner.getOrDefault(owner, List.of());
    }

    /** Whether the owner holds any lock or waits anywhere: if not, nobody can be waiting for it. */
    public boolean involved(Owner owner) {
        return heldByOwner.containsKey(owner) || waitersByOwner.containsKey(owner);
    }

    public Set<ByteString> allFiles() {
        return Set.copyOf(files.keySet());
    }

    // ---- memory changes, called only from Changes actions ----

    void applyClient(ClientEntry c) {
        clients.put(c.id(), c);
        clientsByKey.put(new ClientKey(c.protocol(), c.key()), c.id());
    }

    void dropClient(ClientEntry c) {
        clients.remove(c.id());
        clientsByKey.remove(new ClientKey(c.protocol(), c.key()), c.id());
        filesOfClient.remove(c.id());
    }

    FileState fileForUpdate(ByteString key, ByteString client) {
        filesOfClient.computeIfAbsent(client, k -> new HashSet<>()).add(key);
        return files.computeIfAbsent(key, FileState::new);
    }

    void update(ByteString key, Consumer<FileState> change) {
        FileState f = files.get(key);
        if (f != null) {
            change.accept(f);
            if (f.empty()) {
                files.remove(key);
            }
        }
    }

    void putLock(HeldLock l) {
        if (fileForUpdate(l.file(), l.owner().client()).locks.put(l.id(), l) == null) {
            heldByOwner.merge(l.owner(), 1, Integer::sum);
        }
    }

    void removeLock(HeldLock l) {
        update(l.file(), f -> {
            if (f.locks.remove(l.id()) != null) {
                heldByOwner.computeIfPresent(l.owner(), (k, n) -> n == 1 ? null : n - 1);
            }
        });
    }

    void putGrant(GrantEntry g) {
        fileForUpdate(g.file(), g.client()).grants.put(g.id(), g);
        fileOfState.put(g.id(), g.file());
        if (g.breaking()) {
            breaking.add(g.id());
        } else {
            breaking.remove(g.id());
        }
    }

    void removeGrant(GrantEntry g) {
        update(g.file(), f -> f.grants.remove(g.id()));
        fileOfState.remove(g.id());
        breaking.remove(g.id());
    }

    /** Ids of grants with a break outstanding. */
    public List<ByteString> breakingGrants() {
        return List.copyOf(breaking);
    }

    void indexState(ByteString id, ByteString file) {
        fileOfState.put(id, file);
    }

    void unindexState(ByteString id) {
        fileOfState.remove(id);
    }

    void enqueue(HeldLock request) {
        Waiter w = new Waiter(request, ++waiterSeq);
        fileForUpdate(request.file(), request.owner().client()).waiters.add(w);
        waitersByOwner.computeIfAbsent(request.owner(), k -> new ArrayList<>()).add(w);
    }

    void dequeue(Waiter w) {
        update(w.request().file(), f -> f.waiters.remove(w));
        List<Waiter> mine = waitersByOwner.get(w.owner());
        if (mine != null) {
            mine.remove(w);
            if (mine.isEmpty()) {
                waitersByOwner.remove(w.owner());
            }
        }
    }

    /** Loads one durable record at start-up (no store write: it is already there). */
    void loadClient(ClientEntry c) {
        applyClient(c);
    }

    void loadLock(HeldLock l) {
        putLock(l);
    }

    void loadOpen(OpenEntry o) {
        fileForUpdate(o.file(), o.owner().client()).opens.put(o.id(), o);
        indexState(o.id(), o.file());
    }

    void loadGrant(GrantEntry g) {
        putGrant(g);
    }

    void deleteOrphans(List<Mutation> deletes) {
        if (!deletes.isEmpty()) {
            store.apply(deletes);
        }
    }

    void endGrace() {
        graceEndsMs = 0;
    }
}
