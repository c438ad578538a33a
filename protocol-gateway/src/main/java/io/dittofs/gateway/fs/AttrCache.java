package io.dittofs.gateway.fs;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attributes, lookups and access results of a metadata-service in another process, kept coherent
 * by invalidations (docs/architecture.md, "Gateway attribute cache: coherence"). Entries are served
 * only while the invalidation stream's lease is valid ({@link #extend}); losing it clears
 * everything. Race rule: a result fetched while any invalidation arrived is not kept — every
 * invalidation moves {@link #generation}, and an insert is checked against the generation its
 * fetch started under both before and after it is stored.
 *
 * <p>Never blocks (plain concurrent maps): hits are answered on the event loop under NonBlocking.
 */
public final class AttrCache {

    /** A ticket that admits no insert: the cache was not serving when the fetch started. */
    public static final long NO_TICKET = Long.MIN_VALUE;
    /** Names remembered per directory before that directory's names are dropped. */
    static final int NAMES_PER_DIR = 4096;

    /** The parts of a caller that permission checks look at (not its address). */
    public record Who(int uid, int gid, List<Integer> gids, boolean anonymous) {
        public static Who of(Principal p) {
            return new Who(p.uid(), p.gid(), p.gids(), p.anonymous());
        }
    }

    /** A cached LOOKUP outcome: OK with the child, or NOENT (child null). */
    public record Lookup(FsStatus status, Handle child) {
    }

    /**
     * An ACCESS result ({@code open} false: granted bits) or an open's permission check
     * ({@code open} true: GetAttr with require_access = {@code requested}; 1 = passed, 0 = ACCESS).
     * Both depend only on the object and the caller, so both go when the object is invalidated.
     */
    private record AccessKey(Who who, int requested, boolean open) {
    }

    private final int maxEntries;
    private final AtomicLong generation = new AtomicLong();
    /** System.nanoTime() until which entries may be served; meaningful only while {@link #serving}. */
    private volatile long validUntil;
    private volatile boolean serving;
    private final ConcurrentHashMap<Handle, FileAttr> attrs = new ConcurrentHashMap<>();
    /** directory → name → caller → outcome: a changed name is dropped for every caller at once. */
    private final ConcurrentHashMap<Handle, ConcurrentHashMap<String, ConcurrentHashMap<Who, Lookup>>> names =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Handle, ConcurrentHashMap<AccessKey, Integer>> access = new ConcurrentHashMap<>();
    private final Counter[] hits = new Counter[Op.values().length];
    private final Counter[] misses = new Counter[Op.values().length];

    /** What was asked, for the hit/miss counters. */
    public enum Op {
        GETATTR, LOOKUP, ACCESS, OPEN
    }

    /** @param registry where dittofs.gateway.attr-cache{op,result} counts go, or null */
    public AttrCache(int maxEntries, MeterRegistry registry) {
        if (maxEntries < 16) {
            throw new IllegalArgumentException("dittofs.gateway.attr-cache-entries must be at least 16 (got " + maxEntries + ")");
        }
        this.maxEntries = maxEntries;
        for (Op op : Op.values()) {
            String tag = op.name().toLowerCase(java.util.Locale.ROOT);
            hits[op.ordinal()] = registry == null ? null : Counter.builder("dittofs.gateway.attr-cache")
                    .description("Gateway attribute cache lookups").tag("op", tag).tag("result", "hit").register(registry);
            misses[op.ordinal()] = registry == null ? null : Counter.builder("dittofs.gateway.attr-cache")
                    .description("Gateway attribute cache lookups").tag("op", tag).tag("result", "miss").register(registry);
        }
    }

    // ------------------------------------------------------------------ coherence

    /** Whether entries may be served now. */
    public boolean live() {
        return serving && System.nanoTime() - validUntil < 0;
    }

    /** Was serving, and the lease ran out without being renewed: the stream must be restarted. */
    public boolean lapsed() {
        return serving && System.nanoTime() - validUntil >= 0;
    }

    /** The lease is valid until {@code untilNanos} (System.nanoTime()); never shortens it. */
    public synchronized void extend(long untilNanos) {
        if (!serving || untilNanos - validUntil > 0) {
            validUntil = untilNanos;
        }
        serving = true;
    }

    /** Stops serving and forgets everything; fetches in flight are not kept. */
    public synchronized void reset() {
        serving = false;
        generation.incrementAndGet();
        clear();
    }

    /** A changed name: {@code name} in directory {@code dir}. */
    public record Name(Handle dir, String name) {
    }

    /** Forgets everything about these objects (attributes, names in them, access results). */
    public void invalidate(Collection<Handle> handles) {
        invalidate(handles, List.of(), List.of());
    }

    /**
     * Forgets everything about {@code objects}; only the attributes and access results of
     * {@code attrsOnly} (directories whose other names did not change); and the {@code changed}
     * names, for every caller.
     */
    public void invalidate(Collection<Handle> objects, Collection<Handle> attrsOnly, Collection<Name> changed) {
        generation.incrementAndGet();
        for (Handle h : objects) {
            attrs.remove(h);
            names.remove(h);
            access.remove(h);
        }
        for (Handle h : attrsOnly) {
            attrs.remove(h);
            access.remove(h);
        }
        for (Name n : changed) {
            Map<String, ConcurrentHashMap<Who, Lookup>> m = names.get(n.dir());
            if (m != null) {
                m.remove(n.name());
            }
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        clear();
    }

    private void clear() {
        attrs.clear();
        names.clear();
        access.clear();
    }

    /** Taken before a fetch; the fetched result is kept only if nothing was invalidated since. */
    public long ticket() {
        long g = generation.get();
        return live() ? g : NO_TICKET;
    }

    /**
     * The generation under which this gateway's own mutation, started under {@code ticket}, may
     * store its answer's post-op attributes: its answer's invalidation moves the counter exactly
     * once. Any other movement (another gateway's change, another own change, a reset) may be
     * newer than the answer, and then nothing is stored.
     */
    public static long afterOwnChange(long ticket) {
        return ticket == NO_TICKET ? NO_TICKET : ticket + 1;
    }

    private boolean admits(long ticket) {
        return ticket != NO_TICKET && generation.get() == ticket;
    }

    // ------------------------------------------------------------------ reads

    public FileAttr attr(Handle h) {
        return live() ? attrs.get(h) : null;
    }

    /** The cached outcome of LOOKUP {@code name} in {@code dir} for {@code who}, or null. */
    public Lookup lookup(Handle dir, String name, Who who) {
        if (!live()) {
            return null;
        }
        Map<String, ConcurrentHashMap<Who, Lookup>> m = names.get(dir);
        Map<Who, Lookup> byCaller = m == null ? null : m.get(name);
        return byCaller == null ? null : byCaller.get(who);
    }

    /** The access bits granted to {@code who} out of {@code requested}, or null. */
    public Integer access(Handle h, Who who, int requested) {
        if (!live()) {
            return null;
        }
        Map<AccessKey, Integer> m = access.get(h);
        return m == null ? null : m.get(new AccessKey(who, requested, false));
    }

    /**
     * Whether the namespace's open check (GetAttr with require_access {@code required}) passes for
     * {@code who}: TRUE, FALSE (it answered ACCESS), or null when not known. Besides the open
     * answers kept by {@link #putOpen}, a cached ACCESS result that granted every required bit
     * proves it: the metadata-service passes the check when ACCESS would grant all of
     * {@code required} (GetAttrOp: {@code AccessOp.grant(...) == required}, each bit decided
     * alone), and additionally lets an owner read (so an ACCESS refusal proves nothing).
     */
    public Boolean opens(Handle h, Who who, int required) {
        if (!live()) {
            return null;
        }
        Map<AccessKey, Integer> m = access.get(h);
        if (m == null) {
            return null;
        }
        Integer own = m.get(new AccessKey(who, required, true));
        if (own != null) {
            return own != 0;
        }
        for (Map.Entry<AccessKey, Integer> e : m.entrySet()) {
            AccessKey k = e.getKey();
            if (!k.open() && k.who().equals(who) && (e.getValue() & required) == required) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    public void count(Op op, boolean hit) {
        Counter c = hit ? hits[op.ordinal()] : misses[op.ordinal()];
        if (c != null) {
            c.increment();
        }
    }

    // ------------------------------------------------------------------ inserts

    public void putAttr(long ticket, Handle h, FileAttr a) {
        if (h == null || a == null || !admits(ticket)) {
            return;
        }
        bound(attrs);
        attrs.put(h, a);
        if (!admits(ticket)) {
            // an invalidation arrived meanwhile and may have missed this entry
            attrs.remove(h, a);
        }
    }

    public void putLookup(long ticket, Handle dir, String name, Who who, Lookup outcome) {
        if (!admits(ticket)) {
            return;
        }
        bound(names);
        ConcurrentHashMap<String, ConcurrentHashMap<Who, Lookup>> m = names.computeIfAbsent(dir, d -> new ConcurrentHashMap<>());
        if (m.size() >= NAMES_PER_DIR) {
            m.clear();
        }
        ConcurrentHashMap<Who, Lookup> byCaller = m.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        byCaller.put(who, outcome);
        if (!admits(ticket)) {
            byCaller.remove(who, outcome);
        }
    }

    public void putAccess(long ticket, Handle h, Who who, int requested, int granted) {
        putAccessEntry(ticket, h, new AccessKey(who, requested, false), granted);
    }

    /** The namespace's answer to an open check of {@code required} bits for {@code who} (see {@link #opens}). */
    public void putOpen(long ticket, Handle h, Who who, int required, boolean passed) {
        putAccessEntry(ticket, h, new AccessKey(who, required, true), passed ? 1 : 0);
    }

    private void putAccessEntry(long ticket, Handle h, AccessKey key, Integer value) {
        if (!admits(ticket)) {
            return;
        }
        bound(access);
        ConcurrentHashMap<AccessKey, Integer> m = access.computeIfAbsent(h, d -> new ConcurrentHashMap<>());
        m.put(key, value);
        if (!admits(ticket)) {
            m.remove(key, value);
        }
    }

    /** Full: an eighth of the keys go, in the map's own (hash, so roughly random) order. */
    private void bound(ConcurrentHashMap<Handle, ?> map) {
        if (map.size() < maxEntries) {
            return;
        }
        int drop = Math.max(1, maxEntries / 8);
        Iterator<Handle> it = map.keySet().iterator();
        while (drop-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Entries held (attributes), for tests and metrics. */
    public int size() {
        return attrs.size();
    }
}
