package io.dittofs.metadata.content;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.DeleteRequest;
import io.dittofs.contracts.block.v1.TruncateRequest;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.core.content.ContentReleaser;
import io.dittofs.metadata.spi.Release;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies outbox entries with the block-service's own Delete and Truncate RPCs (both idempotent). */
public final class BlockContentReleaser implements ContentReleaser, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockContentReleaser.class);
    private static final long DEADLINE_SECONDS = 30;

    private final ManagedChannel channel;
    private final BlockServiceGrpc.BlockServiceBlockingStub blocks;

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
        PayloadId id = PayloadId.newBuilder().setValue(ByteString.copyFrom(r.payloadId())).build();
        var stub = blocks.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
        Status status = r.delete()
                ? stub.delete(DeleteRequest.newBuilder().setPayloadId(id).build()).getStatus()
                : stub.truncate(TruncateRequest.newBuilder().setPayloadId(id).setSize(r.size()).build()).getStatus();
        return switch (status) {
            case OK, NOENT -> true;
            case INVAL, BADHANDLE -> {
                log.error("block-service refuses {} for good: {}", r, status);
                yield false;
            }
            // DELAY, NOSPC, IO, SERVERFAULT...: the block-service may recover; keep the entry
            default -> throw new IllegalStateException("block-service answered " + status + " to " + r);
        };
    }
}
