package io.dittofs.lock.core;

import io.dittofs.contracts.lock.v1.*;

/** The lock-service's unary calls, so one test can run on the core directly or over gRPC. */
public interface LockApi {
    RegisterClientResponse registerClient(RegisterClientRequest r);

    ClientResponse renewClient(ClientRequest r);

    ClientResponse releaseClient(ClientRequest r);

    ClientResponse reclaimComplete(ClientRequest r);

    GetGraceResponse getGrace(GetGraceRequest r);

    OpenResponse open(OpenRequest r);

    OpenResponse downgrade(DowngradeRequest r);

    CloseResponse close(CloseRequest r);

    GetOpenResponse getOpen(GetOpenRequest r);

    ListClientsResponse listClients(ListClientsRequest r);

    LockResponse lock(LockRequest r);

    TestLockResponse testLock(LockRequest r);

    UnlockResponse unlock(UnlockRequest r);

    UnlockResponse cancelLock(UnlockRequest r);

    CheckIoResponse checkIo(CheckIoRequest r);

    AckBreakResponse ackBreak(AckBreakRequest r);
}
