package io.dittofs.metadata.content;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.DeleteManyRequest;
import io.dittofs.contracts.block.v1.DeleteManyResponse;
import io.dittofs.contracts.block.v1.DeleteRequest;
import io.dittofs.contracts.block.v1.TruncateRequest;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.core.content.ContentReleaser;
import io.dittofs.metadata.spi.Release;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies outbox entries with the block-service's own Delete and Truncate RPCs (both idempotent). */
public final class BlockContentReleaser implements ContentReleaser, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockContentReleaser.class);
    private static final long DEADLINE_SECONDS = 30;
    /** The block-service's bound on one DeleteMany (BlockGrpcService.MAX_DELETE_MANY). */
    static final int MAX_DELETE_MANY = 4096;

    private final ManagedChannel channel;
    private final BlockServiceGrpc.BlockServiceBlockingStub blocks;
    /** False once the block-service answered DeleteMany with UNIMPLEMENTED. */
    private volatile boolean deleteMany = true;

    /** Takes ownership of the channel: {@link #close} shuts it down. */
    public BlockContentReleaser(ManagedChannel channel) {
        this.channel = channel;
        this.blocks = BlockServiceGrpc.newBlockingStub(channel);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    @Override
    public boolean apply(Release r) {
        PayloadId id = id(r);
        var stub = blocks.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
        Status status = r.delete()
                ? stub.delete(DeleteRequest.newBuilder().setPayloadId(id).build()).getStatus()
                : stub.truncate(TruncateRequest.newBuilder().setPayloadId(id).setSize(r.size()).build()).getStatus();
        return outcome(r, status);
    }

    /**
     * The pass's deletes go in DeleteMany calls (a burst of REMOVEs cost one block-service call per
     * REMOVE before: over a socket, most of the block-service's CPU under a REMOVE load); cuts
     * one by one. A block-service without DeleteMany (an older one) gets single Deletes.
     */
    @Override
    public void applyAll(List<Release> batch, Done done) {
        List<Release> deletes = new ArrayList<>(batch.size());
        for (Release r : batch) {
            if (r.delete() && deleteMany) {
                deletes.add(r);
            } else {
                done.done(r, apply(r));
            }
        }
        for (int from = 0; from < deletes.size(); from += MAX_DELETE_MANY) {
            deleteMany(deletes.subList(from, Math.min(deletes.size(), from + MAX_DELETE_MANY)), done);
        }
    }

    private void deleteMany(List<Release> deletes, Done done) {
        DeleteManyRequest.Builder req = DeleteManyRequest.newBuilder();
        deletes.forEach(r -> req.addPayloadIds(id(r)));
        DeleteManyResponse reply;
        try {
            reply = blocks.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).deleteMany(req.build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != io.grpc.Status.Code.UNIMPLEMENTED) {
                throw e;
            }
            log.info("block-service has no DeleteMany (an older version): content is released one Delete at a time");
            deleteMany = false;
            for (Release r : deletes) {
                done.done(r, apply(r));
            }
            return;
        }
        if (reply.getStatus() != Status.OK || reply.getStatusesCount() != deletes.size()) {
            throw new IllegalStateException("block-service answered DeleteMany of " + deletes.size() + " with "
                    + reply.getStatus() + " and " + reply.getStatusesCount() + " statuses");
        }
        Release retry = null;
        Status retryStatus = null;
        for (int i = 0; i < deletes.size(); i++) {
            Release r = deletes.get(i);
            Status st = reply.getStatuses(i);
            if (retryable(st)) {
                // the others are done all the same; this one stays for a later pass
                retry = r;
                retryStatus = st;
            } else {
                done.done(r, outcome(r, st));
            }
        }
        if (retry != null) {
            throw new IllegalStateException("block-service answered " + retryStatus + " to " + retry);
        }
    }

    private static PayloadId id(Release r) {
        return PayloadId.newBuilder().setValue(ByteString.copyFrom(r.payloadId())).build();
    }

    private static boolean retryable(Status status) {
        return switch (status) {
            case OK, NOENT, INVAL, BADHANDLE -> false;
            default -> true;
        };
    }

    private static boolean outcome(Release r, Status status) {
        if (retryable(status)) {
            // DELAY, NOSPC, IO, SERVERFAULT...: the block-service may recover; keep the entry
            throw new IllegalStateException("block-service answered " + status + " to " + r);
        }
        if (status == Status.OK || status == Status.NOENT) {
            return true;
        }
        log.error("block-service refuses {} for good: {}", r, status);
        return false;
    }
}
