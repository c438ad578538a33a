package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Everything held on one file. Guarded by the {@link LockTable} mutex; changed only through
 * {@link Changes}. Maps keep insertion order: SMB unlock takes the most recent matching lock.
 */
public final class FileState {

    final ByteString key;
    final LinkedHashMap<ByteString, HeldLock> locks = new LinkedHashMap<>();
    final LinkedHashMap<ByteString, OpenEntry> opens = new LinkedHashMap<>();
    final LinkedHashMap<ByteString, GrantEntry> grants = new LinkedHashMap<>();
    final ArrayList<Waiter> waiters = new ArrayList<>();

    FileState(ByteString key) {
        this.key = key;
    }

    public ByteString key() {
        return key;
    }

    public Collection<HeldLock> locks() {
        return Collections.unmodifiableCollection(locks.values());
    }

    public Collection<OpenEntry> opens() {
        return Collections.unmodifiableCollection(opens.values());
    }

    public Collection<GrantEntry> grants() {
        return Collections.unmodifiableCollection(grants.values());
    }

    public List<Waiter> waiters() {
        return Collections.unmodifiableList(waiters);
    }

    boolean empty() {
        return locks.isEmpty() && opens.isEmpty() && grants.isEmpty() && waiters.isEmpty();
    }
}
