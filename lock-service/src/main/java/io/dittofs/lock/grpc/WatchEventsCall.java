package io.dittofs.lock.grpc;

import io.dittofs.contracts.lock.v1.BreakEvent;
import io.dittofs.contracts.lock.v1.FileKey;
import io.dittofs.contracts.lock.v1.GrantedEvent;
import io.dittofs.contracts.lock.v1.LockEvent;
import io.dittofs.contracts.lock.v1.LockType;
import io.dittofs.contracts.lock.v1.Owner;
import io.dittofs.contracts.lock.v1.WatchEventsRequest;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.lock.core.CoreEvent;
import io.dittofs.lock.core.EventHub;
import io.dittofs.lock.core.GrantEntry;
import io.dittofs.lock.core.HeldLock;
import io.dittofs.lock.core.LockTable;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * WatchEvents: the gateway's stream of BreakEvents and GrantedEvents for the clients registered
 * from it. On subscribe it first gets every break still outstanding for its clients and the
 * granted events queued while it had no stream, so a restarted gateway loses nothing. A second
 * stream with the same gateway id replaces the first, which is completed.
 */
public final class WatchEventsCall {

    private final LockTable table;

    public WatchEventsCall(LockTable table) {
        this.table = table;
    }

    public void watch(WatchEventsRequest r, StreamObserver<LockEvent> out) {
        String gw = r.getGatewayId();
        if (gw.isEmpty() || gw.length() > 256) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("gateway_id must be 1..256 characters").asRuntimeException());
            return;
        }
        ServerCallStreamObserver<LockEvent> stream = (ServerCallStreamObserver<LockEvent>) out;
        Object streamLock = new Object();
        EventHub.Subscription sub = table.read(t -> t.hub().subscribe(gw,
                e -> {
                    synchronized (streamLock) {
                        if (stream.isCancelled()) {
                            throw new IllegalStateException("stream cancelled");
                        }
                        stream.onNext(toProto(e));
                    }
                },
                outstandingBreaks(t, gw),
                () -> {
                    synchronized (streamLock) {
                        if (!stream.isCancelled()) {
                            stream.onCompleted();
                        }
                    }
                }));
        stream.setOnCancelHandler(sub::close);
    }

    private static List<CoreEvent> outstandingBreaks(LockTable t, String gw) {
        List<CoreEvent> out = new ArrayList<>();
        for (var id : t.breakingGrants()) {
            t.fileOf(id).ifPresent(file -> t.file(file).grants().stream().filter(g -> g.id().equals(id))
                    .forEach(g -> t.client(g.client()).filter(c -> c.gatewayId().equals(gw))
                            .ifPresent(c -> out.add(new CoreEvent.Break(gw, g)))));
        }
        return out;
    }

    static LockEvent toProto(CoreEvent e) {
        return switch (e) {
            case CoreEvent.Break b -> {
                GrantEntry g = b.grant();
                yield LockEvent.newBuilder().setBreak(BreakEvent.newBuilder().setClientId(g.client()).setGrantId(g.id())
                        .setFile(FileKey.newBuilder().setValue(g.file())).setCurrentBits(g.bits()).setNewBits(g.breakTo())
                        .setLeaseKey(g.leaseKey()).setDeadlineEpochMs(g.deadlineMs())).build();
            }
            case CoreEvent.Granted gr -> {
                HeldLock l = gr.lock();
                yield LockEvent.newBuilder().setGranted(GrantedEvent.newBuilder().setClientId(l.owner().client())
                        .setLockId(l.id()).setFile(FileKey.newBuilder().setValue(l.file()))
                        .setOwner(Owner.newBuilder().setClientId(l.owner().client()).setOwner(l.owner().owner()))
                        .setRange(ByteRange.newBuilder().setOffset(l.range().start()).setLength(l.range().length()))
                        .setType(l.exclusive() ? LockType.WRITE : LockType.READ)).build();
            }
        };
    }
}
