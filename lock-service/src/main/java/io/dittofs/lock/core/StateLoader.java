package io.dittofs.lock.core;

import com.google.protobuf.ByteString;
import io.dittofs.lock.spi.Kind;
import io.dittofs.lock.spi.Mutation;
import io.dittofs.lock.spi.RecordCodec;
import io.dittofs.lock.spi.StoredRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the table from the store at start-up. Every loaded open, lock and grant is marked
 * {@code fromBefore}: its owner may reclaim it during the grace period. Records whose client is
 * gone (a crash between batches cannot cause this, but a hand-edited store can) are deleted.
 */
final class StateLoader {

    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);

    private StateLoader() {
    }

    /** @return whether any open, lock or grant was loaded (a grace period is then needed) */
    static boolean load(LockTable t, List<StoredRecord> records) {
        long now = t.now();
        Set<ByteString> clientIds = new HashSet<>();
        Set<ByteString> withState = new HashSet<>();
        List<StoredRecord> rest = new ArrayList<>();
        List<ClientEntry> loadedClients = new ArrayList<>();
        for (StoredRecord r : records) {
            if (r.kind() == Kind.CLIENT) {
                loadedClients.add(RecordCodec.client(r.id(), r.value()));
                clientIds.add(r.id());
            } else {
                rest.add(r);
            }
        }
        List<Mutation> orphans = new ArrayList<>();
        int opens = 0;
        int locks = 0;
        int grants = 0;
        for (StoredRecord r : rest) {
            switch (r.kind()) {
                case OPEN -> {
                    OpenEntry o = RecordCodec.open(r.id(), r.value());
                    if (keep(clientIds, o.owner().client(), r, orphans)) {
                        t.loadOpen(o);
                        withState.add(o.owner().client());
                        opens++;
                    }
                }
                case LOCK -> {
                    HeldLock l = RecordCodec.lock(r.id(), r.value());
                    if (keep(clientIds, l.owner().client(), r, orphans)) {
                        t.loadLock(l);
                        withState.add(l.owner().client());
                        locks++;
                    }
                }
                case GRANT -> {
                    GrantEntry g = RecordCodec.grant(r.id(), r.value());
                    if (keep(clientIds, g.client(), r, orphans)) {
                        t.loadGrant(g);
                        withState.add(g.client());
                        grants++;
                    }
                }
                case CLIENT -> throw new IllegalStateException("clients were loaded first");
            }
        }
        for (ClientEntry c : loadedClients) {
            t.loadClient(new ClientEntry(c.id(), c.protocol(), c.key(), c.leaseSeconds(), c.gatewayId(), now,
                    withState.contains(c.id()), false));
        }
        t.deleteOrphans(orphans);
        if (!records.isEmpty()) {
            log.info("lock state loaded: {} clients, {} opens, {} locks, {} grants ({} orphan records dropped)",
                    loadedClients.size(), opens, locks, grants, orphans.size());
        }
        return opens + locks + grants > 0;
    }

    private static boolean keep(Set<ByteString> clients, ByteString client, StoredRecord r, List<Mutation> orphans) {
        if (clients.contains(client)) {
            return true;
        }
        orphans.add(Mutation.delete(r.kind(), r.id()));
        return false;
    }
}
