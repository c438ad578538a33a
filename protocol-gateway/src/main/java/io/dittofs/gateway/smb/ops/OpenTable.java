package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.wire.FileId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The opens of one connection, by volatile FileId; an open is only found from the session and tree that made it. */
final class OpenTable {

    private final Map<Long, SmbOpen> opens = new ConcurrentHashMap<>();
    private final AtomicLong next;
    private final int max;

    OpenTable(int max) {
        this(max, new AtomicLong(1));
    }

    /** With a server-wide id source: a durable open moved to another connection keeps its FileId. */
    OpenTable(int max, AtomicLong ids) {
        this.max = max;
        this.next = ids;
    }

    FileId newId() {
        long v = next.getAndIncrement();
        return new FileId(v, v);
    }

    boolean full() {
        return opens.size() >= max;
    }

    void add(SmbOpen o) {
        opens.put(o.id().volatile_(), o);
    }

    /** The open a request names (resolved against a related chain), or null. */
    SmbOpen find(SmbRequest req, FileId named) {
        FileId id = req.fileId(named);
        if (id == null) {
            return null;
        }
        SmbOpen o = opens.get(id.volatile_());
        return o != null && o.id().equals(id) && o.sessionId() == req.session().id() && o.treeId() == req.tree().id()
                ? o : null;
    }

    /** Every open (for teardown decisions). */
    List<SmbOpen> all() {
        return List.copyOf(opens.values());
    }

    /** Whether the open is still in this table (not closed). */
    boolean live(SmbOpen o) {
        return opens.get(o.id().volatile_()) == o;
    }

    boolean remove(SmbOpen o) {
        return opens.remove(o.id().volatile_(), o);
    }

    List<SmbOpen> removeAll(Predicate<SmbOpen> which) {
        List<SmbOpen> out = opens.values().stream().filter(which).toList();
        out.forEach(this::remove);
        return out;
    }

    int size() {
        return opens.size();
    }
}
