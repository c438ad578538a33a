package io.dittofs.control.watch;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.ConfigWatchServiceGrpc;
import io.dittofs.contracts.control.v1.GetSnapshotRequest;
import io.dittofs.contracts.control.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GetSnapshot and Watch. A watcher subscribes to the bus before its start point is read, buffers
 * what arrives meanwhile, sends the snapshot (or the persisted events since its revision) and then
 * every newer event once, in revision order.
 */
public class ConfigWatchGrpcService extends ConfigWatchServiceGrpc.ConfigWatchServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(ConfigWatchGrpcService.class);

    private final SnapshotService snapshots;
    private final ConfigEventRepository events;
    private final ConfigEventBus bus;

    public ConfigWatchGrpcService(SnapshotService snapshots, ConfigEventRepository events, ConfigEventBus bus) {
        this.snapshots = snapshots;
        this.events = events;
        this.bus = bus;
    }

    @Override
    public void getSnapshot(GetSnapshotRequest request, StreamObserver<ConfigSnapshot> out) {
        try {
            out.onNext(snapshots.snapshot());
            out.onCompleted();
        } catch (RuntimeException e) {
            log.error("GetSnapshot failed", e);
            out.onError(Status.INTERNAL.withDescription("snapshot failed").asRuntimeException());
        }
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<ConfigEvent> out) {
        ServerCallStreamObserver<ConfigEvent> call = (ServerCallStreamObserver<ConfigEvent>) out;
        Watcher w = new Watcher(call);
        Runnable unsubscribe = bus.subscribe(w::onEvent);
        call.setOnCancelHandler(() -> {
            unsubscribe.run();
            log.info("config watcher '{}' left", request.getSubscriber());
        });
        try {
            long since = request.getSinceRevision();
            List<ConfigEvent> initial = initialEvents(since);
            boolean snapshot = !initial.isEmpty() && initial.getFirst().hasSnapshot();
            w.start(snapshot ? 0 : since, initial);
            log.info("config watcher '{}' joined at revision {}", request.getSubscriber(), w.lastSent);
        } catch (RuntimeException e) {
            unsubscribe.run();
            log.error("Watch for '{}' failed to start", request.getSubscriber(), e);
            out.onError(Status.INTERNAL.withDescription("watch failed to start").asRuntimeException());
        }
    }

    private List<ConfigEvent> initialEvents(long since) {
        long current = snapshots.currentRevision();
        if (since > 0 && since <= current) {
            List<ConfigEvent> replay = new ArrayList<>();
            events.findByRevisionGreaterThanOrderByRevisionAsc(since).forEach(e -> replay.add(ConfigEvents.parse(e.getPayload())));
            // a gap means history was lost; only a full snapshot is then correct
            if (replay.isEmpty() ? since == current : replay.getFirst().getRevision() == since + 1) {
                return replay;
            }
        }
        ConfigSnapshot snapshot = snapshots.snapshot();
        return List.of(ConfigEvent.newBuilder().setRevision(snapshot.getRevision()).setSnapshot(snapshot).build());
    }

    private static final class Watcher {
        private final ServerCallStreamObserver<ConfigEvent> call;
        private final List<ConfigEvent> pending = new ArrayList<>();
        private boolean started;
        private long lastSent;

        Watcher(ServerCallStreamObserver<ConfigEvent> call) {
            this.call = call;
        }

        synchronized void start(long after, List<ConfigEvent> initial) {
            lastSent = after;
            initial.forEach(this::send);
            pending.forEach(this::send);
            pending.clear();
            started = true;
        }

        synchronized void onEvent(ConfigEvent e) {
            if (!started) {
                pending.add(e);
            } else {
                send(e);
            }
        }

        private void send(ConfigEvent e) {
            if (e.getRevision() <= lastSent || call.isCancelled()) {
                return;
            }
            call.onNext(e);
            lastSent = e.getRevision();
        }
    }
}
