package io.dittofs.metadata.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.RecordWriteRequest;
import io.dittofs.contracts.metadata.v1.RecordWriteResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.StoreTx;
import java.util.function.Function;

/**
 * The metadata half of a WRITE: permission, new size, times, and the payload to write into. An
 * UNSTABLE write's update is committed without waiting for the disk (the client will COMMIT, and
 * resends if the verifier changed meanwhile); a stable one is durable before the reply.
 */
public final class RecordWriteOp extends Op<RecordWriteRequest, RecordWriteResponse> {

    private final ByteString verifier;

    public RecordWriteOp(MetadataCore core) {
        super(core);
        this.verifier = ByteString.copyFrom(core.verifier());
    }

    @Override
    protected RecordWriteResponse execute(RecordWriteRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getHandle());
        long offset = req.getOffset();
        long length = req.getLength();
        if (offset < 0 || length < 0 || offset + length < 0) {
            throw new StatusException(Status.FBIG, "write beyond 2^63 bytes");
        }
        Function<StoreTx, RecordWriteResponse> work = tx -> {
            Inode before = core.resolve(tx, ref);
            if (before.type() == FileType.DIRECTORY) {
                throw new StatusException(Status.ISDIR, "write to a directory");
            }
            if (before.type() != FileType.REGULAR) {
                throw new StatusException(Status.INVAL, "write to a special file");
            }
            // the owner writes regardless of mode (RFC 1813 §4.4), opened_for_write or not
            Perms.requireData(before, c, Perms.W);
            core.outbox().requireGrowable(tx, before, offset + length);
            long now = core.now();
            Inode.Edit e = before.edit();
            e.size = Math.max(before.size(), offset + length);
            e.mtime = now;
            e.ctime = now;
            e.change = before.change() + 1;
            if (!c.root() && c.uid() != before.uid()) {
                // a write by someone else must not leave a set-id program they could have altered
                e.mode &= ~(Perms.S_ISUID | Perms.S_ISGID);
            }
            Inode after = e.build();
            tx.putInode(after);
            return RecordWriteResponse.newBuilder()
                    .setPayloadId(PayloadId.newBuilder().setValue(ByteString.copyFrom(after.payloadId())))
                    .setWcc(Attrs.wcc(before, after)).setVerifier(verifier).build();
        };
        return req.getUnstable() ? core.store().writeDeferred(work) : core.store().write(work);
    }

    @Override
    protected RecordWriteResponse failure(RecordWriteRequest req, Status status) {
        return RecordWriteResponse.newBuilder().setStatus(status).build();
    }
}
