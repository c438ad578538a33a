package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.NamespaceEvents;
import io.dittofs.gateway.fs.NamespaceEvents.Change;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory watches of every SMB open (CHANGE_NOTIFY), server-wide, fed by the gateway's
 * {@link NamespaceEvents}: a change in directory D reaches the watches on D and the WATCH_TREE
 * watches on D's ancestors (as far as the events know where directories sit), named relative to
 * the watched directory with backslashes. Guarded by this object's monitor; a watch's own state
 * by its monitor.
 */
final class Notifications implements NamespaceEvents.Listener {

    /** How deep below a tree watch a change is still traced. */
    private static final int MAX_DEPTH = 64;

    private final NamespaceEvents events;
    private final Map<Handle, List<NotifyWatch>> byDir = new HashMap<>();

    Notifications(NamespaceEvents events) {
        this.events = events;
    }

    synchronized void add(NotifyWatch w) {
        if (byDir.isEmpty()) {
            events.listen(this);
        }
        byDir.computeIfAbsent(w.dir(), d -> new ArrayList<>()).add(w);
    }

    synchronized void remove(NotifyWatch w) {
        List<NotifyWatch> l = byDir.get(w.dir());
        if (l != null && l.remove(w) && l.isEmpty()) {
            byDir.remove(w.dir());
        }
        if (byDir.isEmpty()) {
            events.unlisten(this);
        }
    }

    /** {@code dir} is delete-pending: requests waiting on its watches end with DELETE_PENDING. */
    void deletePending(Handle dir) {
        List<NotifyWatch> on;
        synchronized (this) {
            on = byDir.get(dir) == null ? List.of() : List.copyOf(byDir.get(dir));
        }
        on.forEach(NotifyWatch::deletePending);
    }

    @Override
    public void changed(Change c) {
        int filter = filterOf(c);
        if (filter == 0) {
            return;
        }
        List<NotifyWatch> direct;
        synchronized (this) {
            direct = byDir.get(c.dir()) == null ? List.of() : List.copyOf(byDir.get(c.dir()));
        }
        for (NotifyWatch w : direct) {
            w.offer(filter, new Entry(action(c), c.name()));
        }
        // tree watches above: walk up from the change's directory while the events know the way
        StringBuilder path = new StringBuilder(c.name());
        Handle at = c.dir();
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            NamespaceEvents.Place p = events.place(at);
            if (p == null) {
                return;
            }
            path.insert(0, p.name() + "\\");
            at = p.parent();
            List<NotifyWatch> above;
            synchronized (this) {
                above = byDir.get(at) == null ? List.of() : List.copyOf(byDir.get(at));
            }
            for (NotifyWatch w : above) {
                if (w.tree()) {
                    w.offer(filter, new Entry(action(c), path.toString()));
                }
            }
        }
    }

    /** The CHANGE_NOTIFY filter bits a change matches (MS-FSA 2.1.4.17 FsRtlNotifyFullReportChange callers). */
    static int filterOf(Change c) {
        int what = c.what();
        int f = 0;
        if ((what & NamespaceEvents.NAME) != 0) {
            f |= c.directory() ? ChangeNotifyRequest.DIR_NAME : ChangeNotifyRequest.FILE_NAME;
        }
        if ((what & NamespaceEvents.ATTRIBUTES) != 0) {
            f |= ChangeNotifyRequest.ATTRIBUTES;
        }
        if ((what & NamespaceEvents.SIZE) != 0) {
            f |= ChangeNotifyRequest.SIZE;
        }
        if ((what & NamespaceEvents.LAST_WRITE) != 0) {
            f |= ChangeNotifyRequest.LAST_WRITE;
        }
        if ((what & NamespaceEvents.LAST_ACCESS) != 0) {
            f |= ChangeNotifyRequest.LAST_ACCESS;
        }
        if ((what & NamespaceEvents.SECURITY) != 0) {
            f |= ChangeNotifyRequest.SECURITY;
        }
        if ((what & NamespaceEvents.CREATION) != 0) {
            f |= ChangeNotifyRequest.CREATION;
        }
        return f;
    }

    /** FILE_NOTIFY_INFORMATION Action (MS-FSCC 2.4.42). */
    static int action(Change c) {
        return switch (c.action()) {
            case ADDED -> 1;
            case REMOVED -> 2;
            case MODIFIED -> 3;
            case RENAMED_OLD_NAME -> 4;
            case RENAMED_NEW_NAME -> 5;
        };
    }
}
