package io.dittofs.lock.grpc;

import io.dittofs.contracts.lock.v1.*;
import io.dittofs.lock.core.LockApi;
import io.grpc.Channel;

/** The LockApi over a real gRPC channel. */
public final class GrpcApi implements LockApi {
    private final LockServiceGrpc.LockServiceBlockingStub stub;

    public GrpcApi(Channel channel) {
        stub = LockServiceGrpc.newBlockingStub(channel);
    }

    public RegisterClientResponse registerClient(RegisterClientRequest r) { return stub.registerClient(r); }
    public ClientResponse renewClient(ClientRequest r) { return stub.renewClient(r); }
    public ClientResponse releaseClient(ClientRequest r) { return stub.releaseClient(r); }
    public ClientResponse reclaimComplete(ClientRequest r) { return stub.reclaimComplete(r); }
    public GetGraceResponse getGrace(GetGraceRequest r) { return stub.getGrace(r); }
    public OpenResponse open(OpenRequest r) { return stub.open(r); }
    public OpenResponse downgrade(DowngradeRequest r) { return stub.downgrade(r); }
    public CloseResponse close(CloseRequest r) { return stub.close(r); }
    public GetOpenResponse getOpen(GetOpenRequest r) { return stub.getOpen(r); }
    public ListClientsResponse listClients(ListClientsRequest r) { return stub.listClients(r); }
    public LockResponse lock(LockRequest r) { return stub.lock(r); }
    public TestLockResponse testLock(LockRequest r) { return stub.testLock(r); }
    public UnlockResponse unlock(UnlockRequest r) { return stub.unlock(r); }
    public UnlockResponse cancelLock(UnlockRequest r) { return stub.cancelLock(r); }
    public CheckIoResponse checkIo(CheckIoRequest r) { return stub.checkIo(r); }
    public AckBreakResponse ackBreak(AckBreakRequest r) { return stub.ackBreak(r); }
}
