package io.dittofs.gateway.fs;

import io.dittofs.gateway.fs.model.Handle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Namespace changes this gateway made, by any protocol, for whoever watches directories (SMB
 * CHANGE_NOTIFY). Changes made through another gateway never pass here. Also remembers where
 * directories sit (child → parent and name, learned from the lookups and creates that pass through
 * the facade, bounded) so that a watch of a whole tree can name a change deep below it.
 */
public final class NamespaceEvents {

    /** What happened to {@code name} in {@code dir}. */
    public enum Action { ADDED, REMOVED, MODIFIED, RENAMED_OLD_NAME, RENAMED_NEW_NAME }

    /**
     * One change. {@code what} says which properties changed, as {@link #NAME}, {@link #ATTRIBUTES},
     * {@link #SIZE}, {@link #LAST_WRITE}, {@link #LAST_ACCESS}, {@link #SECURITY}, {@link #CREATION} bits.
     */
    public record Change(Handle dir, String name, Action action, boolean directory, int what) {
    }

    public static final int NAME = 1;
    public static final int ATTRIBUTES = 2;
    public static final int SIZE = 4;
    public static final int LAST_WRITE = 8;
    public static final int LAST_ACCESS = 16;
    public static final int SECURITY = 32;
    public static final int CREATION = 64;

    /** Where a directory or file sits. */
    public record Place(Handle parent, String name) {
    }

    /** Gets every change, on the thread that made it; must be quick and never throw. */
    public interface Listener {
        void changed(Change c);
    }

    private static final int PLACES_KEPT = 65536;

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Handle, Place> places = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Handle, Place> eldest) {
            return size() > PLACES_KEPT;
        }
    };

    public void listen(Listener l) {
        listeners.add(l);
    }

    public void unlisten(Listener l) {
        listeners.remove(l);
    }

    /** Whether anyone listens (the facade skips the work of describing a change otherwise). */
    public boolean watched() {
        return !listeners.isEmpty();
    }

    public void publish(Change c) {
        for (Listener l : listeners) {
            l.changed(c);
        }
    }

    public void placed(Handle child, Handle parent, String name) {
        if (child == null || parent == null || name.equals(".") || name.equals("..")) {
            return;
        }
        synchronized (places) {
            places.put(child, new Place(parent, name));
        }
    }

    public void forget(Handle child) {
        synchronized (places) {
            places.remove(child);
        }
    }

    /** Where {@code h} sits, when known. */
    public Place place(Handle h) {
        synchronized (places) {
            return places.get(h);
        }
    }
}
