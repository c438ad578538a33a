package io.dittofs.control.namespace;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.CreateShareRequest;
import io.dittofs.contracts.metadata.v1.DeleteShareRequest;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.control.api.ApiException;
import io.grpc.ManagedChannel;
import org.springframework.http.HttpStatus;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's side of share namespaces in the metadata-service. A new share's root is
 * created right away (CreateShare, idempotent); when the metadata-service cannot be reached (e.g.
 * the embedded suite seeds its first share before the services are served), the share is kept
 * pending and retried every reconcile interval, so no share stays without its root. Deleting a
 * share deletes its namespace first and fails the API call (503) if that is impossible, so a
 * share never disappears from the API while its files remain.
 */
public final class ShareNamespaces implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShareNamespaces.class);
    private static final long DEADLINE_SECONDS = 30;

    private final ManagedChannel channel;
    private final MetadataServiceGrpc.MetadataServiceBlockingStub meta;
    private final Map<Long, String> pending = new ConcurrentHashMap<>();
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    private final Duration interval;
    private volatile boolean closed;
    private Thread loop;

    /** @param channel null: no metadata-service (shares are configuration only) */
    public ShareNamespaces(ManagedChannel channel, Duration interval) {
        this.channel = channel;
        this.meta = channel == null ? null : MetadataServiceGrpc.newBlockingStub(channel);
        this.interval = interval;
    }

    public boolean connected() {
        return meta != null;
    }

    /** Checks that a share id fits the handles' 32-bit field. */
    public static int shareId(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            throw new IllegalStateException("share id " + id + " does not fit a file handle (1..2^31-1)");
        }
        return (int) id;
    }

    /** Creates the root now, or keeps it pending for the reconciler. */
    public void created(long id, String name) {
        if (meta == null) {
            return;
        }
        deleted.remove(id);
        pending.put(id, name);
        tryCreate(id, name);
    }

    /** Re-announces shares found at start-up (idempotent in the metadata-service). */
    public void ensure(Map<Long, String> shares) {
        if (meta != null) {
            shares.forEach(pending::putIfAbsent);
            kick();
        }
    }

    /** Deletes the namespace; throws a 503 problem when the metadata-service cannot. */
    public void deleted(long id, String name) {
        if (meta == null) {
            return;
        }
        pending.remove(id);
        try {
            var r = stub().deleteShare(DeleteShareRequest.newBuilder().setShareId(shareId(id)).build());
            if (r.getStatus() != Status.OK) {
                throw unavailable(name, r.getStatus().name());
            }
            deleted.add(id);
            log.info("share '{}' (id {}): namespace deleted, {} inode(s); its content is released", name, id, r.getInodesRemoved());
        } catch (StatusRuntimeException e) {
            throw unavailable(name, e.getStatus().getCode().name());
        }
    }

    private static ApiException unavailable(String name, String why) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "namespace-unavailable", "share '" + name
                + "' cannot be deleted now: the metadata-service answered " + why + "; retry the delete", null);
    }

    private MetadataServiceGrpc.MetadataServiceBlockingStub stub() {
        return meta.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private boolean tryCreate(long id, String name) {
        try {
            var r = stub().createShare(CreateShareRequest.newBuilder().setShareId(shareId(id)).setName(name).build());
            if (r.getStatus() == Status.OK) {
                pending.remove(id, name);
                return true;
            }
            if (r.getStatus() == Status.EXIST) {
                pending.remove(id, name);
                log.error("share '{}' (id {}): the metadata-service already has another share under that id or name;"
                        + " its clients get STALE handles until the share is deleted and created again", name, id);
                return false;
            }
            log.warn("share '{}' (id {}): root not created yet ({}), retrying", name, id, r.getStatus());
        } catch (StatusRuntimeException e) {
            log.debug("share '{}' (id {}): metadata-service not reachable yet ({}), retrying", name, id, e.getStatus().getCode());
        }
        return false;
    }

    private final java.util.concurrent.Semaphore kicks = new java.util.concurrent.Semaphore(0);

    private void kick() {
        kicks.release();
    }

    public synchronized void start(Supplier<Map<Long, String>> current) {
        if (meta == null || loop != null) {
            return;
        }
        loop = Thread.ofVirtual().name("share-namespace-reconciler").start(() -> {
            ensure(current.get());
            while (!closed) {
                pending.forEach((id, name) -> {
                    if (!deleted.contains(id)) {
                        tryCreate(id, name);
                    }
                });
                try {
                    kicks.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Shares still waiting for their root (tests, status). */
    public Set<Long> pending() {
        return Set.copyOf(pending.keySet());
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = loop;
        }
        if (t != null) {
            t.interrupt();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
