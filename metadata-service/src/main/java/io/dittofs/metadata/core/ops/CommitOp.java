package io.dittofs.metadata.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.CommitRequest;
import io.dittofs.contracts.metadata.v1.CommitResponse;
import io.dittofs.metadata.core.MetadataCore;

/**
 * COMMIT's namespace half: every change acknowledged so far becomes durable, in particular the
 * sizes and times of UNSTABLE writes. Needs no permission: it only forces what is already there.
 */
public final class CommitOp extends Op<CommitRequest, CommitResponse> {

    private final ByteString verifier;

    public CommitOp(MetadataCore core) {
        super(core);
        this.verifier = ByteString.copyFrom(core.verifier());
    }

    @Override
    protected CommitResponse execute(CommitRequest req) {
        core.store().sync();
        return CommitResponse.newBuilder().setStatus(Status.OK).setVerifier(verifier).build();
    }

    @Override
    protected CommitResponse failure(CommitRequest req, Status status) {
        return CommitResponse.newBuilder().setStatus(status).setVerifier(verifier).build();
    }
}
