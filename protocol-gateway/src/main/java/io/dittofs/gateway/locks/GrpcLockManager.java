package io.dittofs.gateway.locks;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.*;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LockManager} over the lock-service's gRPC contract; the only gateway class that builds lock requests. */
public final class GrpcLockManager implements LockManager {

    private static final Logger log = LoggerFactory.getLogger(GrpcLockManager.class);
    private static final long RESUBSCRIBE_MS = 1000;

    private final LockServiceGrpc.LockServiceBlockingStub stub;
    private final LockServiceGrpc.LockServiceStub async;
    private final String gatewayId;

    public GrpcLockManager(Channel channel, String gatewayId) {
        this.stub = LockServiceGrpc.newBlockingStub(channel);
        this.async = LockServiceGrpc.newStub(channel);
        this.gatewayId = gatewayId;
    }

    @Override
    public ClientRef registerClient(LockProtocol protocol, byte[] clientKey, int leaseSeconds) {
        RegisterClientResponse r;
        try {
            r = stub.registerClient(RegisterClientRequest.newBuilder()
                .setProtocol(LockMapping.protocol(protocol)).setClientKey(ByteString.copyFrom(clientKey))
                .setLeaseSeconds(leaseSeconds).setGatewayId(gatewayId).build());
        } catch (StatusRuntimeException e) {
            throw new LockServiceException(unreachable(e));
        }
        if (r.getStatus() != Status.OK) {
            throw new LockServiceException(LockMapping.status(r.getStatus()));
        }
        return new ClientRef(r.getClientId().toByteArray(), r.getInGrace());
    }

    @Override
    public LockOutcome lock(LockSpec spec) {
        try {
            LockResponse r = stub.lock(LockMapping.lockRequest(spec));
            return new LockOutcome(LockMapping.status(r.getStatus()), r.getQueued(),
                    r.hasConflict() ? LockMapping.conflict(r.getConflict()) : null, r.getLockId().toByteArray());
        } catch (StatusRuntimeException e) {
            return new LockOutcome(unreachable(e), false, null, new byte[0]);
        }
    }

    @Override
    public LockOutcome test(LockSpec spec) {
        try {
            TestLockResponse r = stub.testLock(LockMapping.lockRequest(spec));
            return new LockOutcome(LockMapping.status(r.getStatus()), false,
                    r.hasConflict() ? LockMapping.conflict(r.getConflict()) : null, new byte[0]);
        } catch (StatusRuntimeException e) {
            return new LockOutcome(unreachable(e), false, null, new byte[0]);
        }
    }

    @Override
    public LockStatus unlock(LockTarget t) {
        return call(() -> stub.unlock(LockMapping.unlockRequest(t)).getStatus());
    }

    @Override
    public LockStatus checkIo(LockTarget t, boolean write) {
        return call(() -> stub.checkIo(CheckIoRequest.newBuilder().setFile(LockMapping.file(t.file()))
                .setOwner(LockMapping.owner(t.client(), t.owner())).setRange(range(t.offset(), t.length()))
                .setWrite(write).build()).getStatus());
    }

    @Override
    public LockStatus cancel(LockTarget t) {
        return call(() -> stub.cancelLock(LockMapping.unlockRequest(t)).getStatus());
    }

    @Override
    public LockStatus renewClient(ClientRef client) {
        return call(() -> stub.renewClient(clientRequest(client)).getStatus());
    }

    @Override
    public LockStatus reclaimComplete(ClientRef client) {
        return call(() -> stub.reclaimComplete(clientRequest(client)).getStatus());
    }

    @Override
    public LockStatus releaseClient(ClientRef client) {
        return call(() -> stub.releaseClient(clientRequest(client)).getStatus());
    }

    @Override
    public OpenOutcome open(OpenSpec s) {
        try {
            OpenResponse r = stub.open(OpenRequest.newBuilder().setFile(LockMapping.file(s.file()))
                    .setOwner(LockMapping.owner(s.client(), s.owner())).setAccess(s.access()).setDeny(s.deny())
                    .setReclaim(s.reclaim()).build());
            return new OpenOutcome(LockMapping.status(r.getStatus()), r.getOpenId().toByteArray());
        } catch (StatusRuntimeException e) {
            return new OpenOutcome(unreachable(e), new byte[0]);
        }
    }

    @Override
    public OpenOutcome openOrUpgrade(OpenSpec s) {
        return openOrUpgrade(s, 0, false);
    }

    @Override
    public OpenOutcome openOrUpgrade(OpenSpec s, int grantBits, boolean breakConflicting) {
        return openGranting(s, grantBits, breakConflicting, true);
    }

    @Override
    public OpenOutcome openWithGrant(OpenSpec s, int grantBits, boolean breakConflicting) {
        return openGranting(s, grantBits, breakConflicting, false);
    }

    private OpenOutcome openGranting(OpenSpec s, int grantBits, boolean breakConflicting, boolean upgrade) {
        try {
            OpenRequest.Builder b = OpenRequest.newBuilder().setFile(LockMapping.file(s.file()))
                    .setOwner(LockMapping.owner(s.client(), s.owner())).setAccess(s.access()).setDeny(s.deny())
                    .setReclaim(s.reclaim()).setUpgrade(upgrade).setBreakConflicting(breakConflicting);
            if (grantBits != 0) {
                b.setGrant(GrantRequest.newBuilder().setBits(grantBits));
            }
            OpenResponse r = stub.open(b.build());
            return new OpenOutcome(LockMapping.status(r.getStatus()), r.getOpenId().toByteArray(),
                    r.getGrantedGrantBits(), r.getGrantId().toByteArray());
        } catch (StatusRuntimeException e) {
            return new OpenOutcome(unreachable(e), new byte[0]);
        }
    }

    @Override
    public LockStatus ackBreak(byte[] grantId, int newBits) {
        return call(() -> stub.ackBreak(AckBreakRequest.newBuilder().setGrantId(ByteString.copyFrom(grantId))
                .setNewBits(newBits).build()).getStatus());
    }

    @Override
    public LockStatus downgrade(byte[] openId, int access, int deny) {
        return call(() -> stub.downgrade(DowngradeRequest.newBuilder().setOpenId(ByteString.copyFrom(openId))
                .setAccess(access).setDeny(deny).build()).getStatus());
    }

    @Override
    public OpenInfo getOpen(byte[] openId) {
        try {
            GetOpenResponse r = stub.getOpen(GetOpenRequest.newBuilder().setOpenId(ByteString.copyFrom(openId)).build());
            return new OpenInfo(LockMapping.status(r.getStatus()), r.getFile().getValue().toByteArray(),
                    new ClientRef(r.getOwner().getClientId().toByteArray(), false), r.getOwner().getOwner().toByteArray(),
                    r.getAccess(), r.getDeny(), r.getLockCount());
        } catch (StatusRuntimeException e) {
            return new OpenInfo(unreachable(e), new byte[0], new ClientRef(new byte[0], false), new byte[0], 0, 0, 0);
        }
    }

    @Override
    public java.util.List<ClientRecord> listClients(LockProtocol protocol, byte[] keyPrefix) {
        ListClientsResponse r;
        try {
            r = stub.listClients(ListClientsRequest.newBuilder().setProtocol(LockMapping.protocol(protocol))
                    .setKeyPrefix(ByteString.copyFrom(keyPrefix)).build());
        } catch (StatusRuntimeException e) {
            throw new LockServiceException(unreachable(e));
        }
        if (r.getStatus() != Status.OK) {
            throw new LockServiceException(LockMapping.status(r.getStatus()));
        }
        return r.getClientsList().stream().map(c -> new ClientRecord(new ClientRef(c.getClientId().toByteArray(), false),
                c.getClientKey().toByteArray())).toList();
    }

    @Override
    public LockStatus close(byte[] openId) {
        return call(() -> stub.close(CloseRequest.newBuilder().setOpenId(ByteString.copyFrom(openId)).build())
                .getStatus());
    }

    private static ClientRequest clientRequest(ClientRef client) {
        return ClientRequest.newBuilder().setClientId(ByteString.copyFrom(client.id())).build();
    }

    private static LockStatus call(java.util.function.Supplier<Status> rpc) {
        try {
            return LockMapping.status(rpc.get());
        } catch (StatusRuntimeException e) {
            return unreachable(e);
        }
    }

    /** The lock-service could not be reached in time: a transient answer protocols turn into "retry". */
    private static LockStatus unreachable(StatusRuntimeException e) {
        log.warn("lock-service call failed: {}", e.getStatus());
        return LockStatus.DELAY;
    }

    @Override
    public AutoCloseable watch(LockEventListener listener) {
        AtomicBoolean closed = new AtomicBoolean();
        ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("lock-watch-retry").factory());
        Context.CancellableContext ctx = Context.current().withCancellation();
        Runnable subscribe = new Runnable() {
            @Override
            public void run() {
                if (closed.get()) {
                    return;
                }
                Runnable self = this;
                ctx.run(() -> async.watchEvents(WatchEventsRequest.newBuilder().setGatewayId(gatewayId).build(),
                        new StreamObserver<>() {
                            @Override
                            public void onNext(io.dittofs.contracts.lock.v1.LockEvent e) {
                                LockEvent event = LockMapping.event(e);
                                if (event != null) {
                                    listener.onEvent(event);
                                }
                            }

                            @Override
                            public void onError(Throwable t) {
                                if (!closed.get()) {
                                    // the lock-service restarted or is unreachable: pending events wait there
                                    log.info("lock event stream ended ({}); re-subscribing", t.toString());
                                    retry.schedule(self, RESUBSCRIBE_MS, TimeUnit.MILLISECONDS);
                                }
                            }

                            @Override
                            public void onCompleted() {
                                onError(new IllegalStateException("stream completed"));
                            }
                        }));
            }
        };
        subscribe.run();
        return () -> {
            closed.set(true);
            ctx.cancel(null);
            retry.shutdownNow();
        };
    }

    static ByteRange range(long offset, long length) {
        return ByteRange.newBuilder().setOffset(offset).setLength(length).build();
    }
}
