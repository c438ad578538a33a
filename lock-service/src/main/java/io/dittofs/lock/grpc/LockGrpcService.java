package io.dittofs.lock.grpc;

import io.dittofs.contracts.lock.v1.*;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.ops.RegisterClientOp;
import io.dittofs.lock.core.ops.RenewClientOp;
import io.dittofs.lock.core.ops.ReleaseClientOp;
import io.dittofs.lock.core.ops.ReclaimCompleteOp;
import io.dittofs.lock.core.ops.GetGraceOp;
import io.dittofs.lock.core.ops.OpenOp;
import io.dittofs.lock.core.ops.DowngradeOp;
import io.dittofs.lock.core.ops.CloseOp;
import io.dittofs.lock.core.ops.GetOpenOp;
import io.dittofs.lock.core.ops.ListClientsOp;
import io.dittofs.lock.core.ops.LockOp;
import io.dittofs.lock.core.ops.TestLockOp;
import io.dittofs.lock.core.ops.UnlockOp;
import io.dittofs.lock.core.ops.CancelLockOp;
import io.dittofs.lock.core.ops.CheckIoOp;
import io.dittofs.lock.core.ops.AckBreakOp;
import io.dittofs.lock.core.ops.Op;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC face of the lock manager. Each RPC delegates to its operation class; lock outcomes
 * travel as the response's Status, so unary calls always complete normally. WatchEvents is
 * {@link WatchEventsCall}.
 */
public final class LockGrpcService extends LockServiceGrpc.LockServiceImplBase {

    private final LockCore core;
    private final RegisterClientOp registerClientOp;
    private final RenewClientOp renewClientOp;
    private final ReleaseClientOp releaseClientOp;
    private final ReclaimCompleteOp reclaimCompleteOp;
    private final GetGraceOp getGraceOp;
    private final OpenOp openOp;
    private final DowngradeOp downgradeOp;
    private final CloseOp closeOp;
    private final GetOpenOp getOpenOp;
    private final ListClientsOp listClientsOp;
    private final LockOp lockOp;
    private final TestLockOp testLockOp;
    private final UnlockOp unlockOp;
    private final CancelLockOp cancelLockOp;
    private final CheckIoOp checkIoOp;
    private final AckBreakOp ackBreakOp;
    private final WatchEventsCall watch;

    public LockGrpcService(LockCore core) {
        this.core = core;
        registerClientOp = new RegisterClientOp(core.table());
        renewClientOp = new RenewClientOp(core.table());
        releaseClientOp = new ReleaseClientOp(core.table());
        reclaimCompleteOp = new ReclaimCompleteOp(core.table());
        getGraceOp = new GetGraceOp(core.table());
        openOp = new OpenOp(core.table());
        downgradeOp = new DowngradeOp(core.table());
        closeOp = new CloseOp(core.table());
        getOpenOp = new GetOpenOp(core.table());
        listClientsOp = new ListClientsOp(core.table());
        lockOp = new LockOp(core.table());
        testLockOp = new TestLockOp(core.table());
        unlockOp = new UnlockOp(core.table());
        cancelLockOp = new CancelLockOp(core.table());
        checkIoOp = new CheckIoOp(core.table());
        ackBreakOp = new AckBreakOp(core.table());
        watch = new WatchEventsCall(core.table());
    }

    public LockCore core() {
        return core;
    }

    private static <Q, R> void answer(Op<Q, R> op, Q request, StreamObserver<R> out) {
        out.onNext(op.run(request));
        out.onCompleted();
    }

    @Override
    public void registerClient(RegisterClientRequest r, StreamObserver<RegisterClientResponse> o) {
        answer(registerClientOp, r, o);
    }

    @Override
    public void renewClient(ClientRequest r, StreamObserver<ClientResponse> o) {
        answer(renewClientOp, r, o);
    }

    @Override
    public void releaseClient(ClientRequest r, StreamObserver<ClientResponse> o) {
        answer(releaseClientOp, r, o);
    }

    @Override
    public void reclaimComplete(ClientRequest r, StreamObserver<ClientResponse> o) {
        answer(reclaimCompleteOp, r, o);
    }

    @Override
    public void getGrace(GetGraceRequest r, StreamObserver<GetGraceResponse> o) {
        answer(getGraceOp, r, o);
    }

    @Override
    public void open(OpenRequest r, StreamObserver<OpenResponse> o) {
        answer(openOp, r, o);
    }

    @Override
    public void downgrade(DowngradeRequest r, StreamObserver<OpenResponse> o) {
        answer(downgradeOp, r, o);
    }

    @Override
    public void close(CloseRequest r, StreamObserver<CloseResponse> o) {
        answer(closeOp, r, o);
    }

    @Override
    public void getOpen(GetOpenRequest r, StreamObserver<GetOpenResponse> o) {
        answer(getOpenOp, r, o);
    }

    @Override
    public void listClients(ListClientsRequest r, StreamObserver<ListClientsResponse> o) {
        answer(listClientsOp, r, o);
    }

    @Override
    public void lock(LockRequest r, StreamObserver<LockResponse> o) {
        answer(lockOp, r, o);
    }

    @Override
    public void testLock(LockRequest r, StreamObserver<TestLockResponse> o) {
        answer(testLockOp, r, o);
    }

    @Override
    public void unlock(UnlockRequest r, StreamObserver<UnlockResponse> o) {
        answer(unlockOp, r, o);
    }

    @Override
    public void cancelLock(UnlockRequest r, StreamObserver<UnlockResponse> o) {
        answer(cancelLockOp, r, o);
    }

    @Override
    public void checkIo(CheckIoRequest r, StreamObserver<CheckIoResponse> o) {
        answer(checkIoOp, r, o);
    }

    @Override
    public void ackBreak(AckBreakRequest r, StreamObserver<AckBreakResponse> o) {
        answer(ackBreakOp, r, o);
    }

    @Override
    public void watchEvents(WatchEventsRequest r, StreamObserver<LockEvent> o) {
        watch.watch(r, o);
    }
}
