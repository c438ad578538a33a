package io.dittofs.lock.core;

import io.dittofs.contracts.lock.v1.*;
import io.dittofs.lock.core.ops.*;

/** Calls the operation classes directly, as the gRPC service does, without a channel. */
public final class DirectApi implements LockApi {
    private final RegisterClientOp register;
    private final RenewClientOp renew;
    private final ReleaseClientOp release;
    private final ReclaimCompleteOp reclaimComplete;
    private final GetGraceOp grace;
    private final OpenOp open;
    private final DowngradeOp downgrade;
    private final CloseOp close;
    private final GetOpenOp getOpen;
    private final ListClientsOp listClients;
    private final LockOp lock;
    private final TestLockOp test;
    private final UnlockOp unlock;
    private final CancelLockOp cancel;
    private final CheckIoOp checkIo;
    private final AckBreakOp ack;

    public DirectApi(LockTable t) {
        register = new RegisterClientOp(t);
        renew = new RenewClientOp(t);
        release = new ReleaseClientOp(t);
        reclaimComplete = new ReclaimCompleteOp(t);
        grace = new GetGraceOp(t);
        open = new OpenOp(t);
        downgrade = new DowngradeOp(t);
        close = new CloseOp(t);
        getOpen = new GetOpenOp(t);
        listClients = new ListClientsOp(t);
        lock = new LockOp(t);
        test = new TestLockOp(t);
        unlock = new UnlockOp(t);
        cancel = new CancelLockOp(t);
        checkIo = new CheckIoOp(t);
        ack = new AckBreakOp(t);
    }

    public RegisterClientResponse registerClient(RegisterClientRequest r) { return register.run(r); }
    public ClientResponse renewClient(ClientRequest r) { return renew.run(r); }
    public ClientResponse releaseClient(ClientRequest r) { return release.run(r); }
    public ClientResponse reclaimComplete(ClientRequest r) { return reclaimComplete.run(r); }
    public GetGraceResponse getGrace(GetGraceRequest r) { return grace.run(r); }
    public OpenResponse open(OpenRequest r) { return open.run(r); }
    public OpenResponse downgrade(DowngradeRequest r) { return downgrade.run(r); }
    public CloseResponse close(CloseRequest r) { return close.run(r); }
    public GetOpenResponse getOpen(GetOpenRequest r) { return getOpen.run(r); }
    public ListClientsResponse listClients(ListClientsRequest r) { return listClients.run(r); }
    public LockResponse lock(LockRequest r) { return lock.run(r); }
    public TestLockResponse testLock(LockRequest r) { return test.run(r); }
    public UnlockResponse unlock(UnlockRequest r) { return unlock.run(r); }
    public UnlockResponse cancelLock(UnlockRequest r) { return cancel.run(r); }
    public CheckIoResponse checkIo(CheckIoRequest r) { return checkIo.run(r); }
    public AckBreakResponse ackBreak(AckBreakRequest r) { return ack.run(r); }
}
