package io.dittofs.gateway.fs.grpc;

import static io.dittofs.gateway.fs.grpc.CommonMapper.content;
import static io.dittofs.gateway.fs.grpc.CommonMapper.status;

import com.google.protobuf.ByteString;
import com.google.protobuf.DirectByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.CloneRequest;
import io.dittofs.contracts.block.v1.QueryAllocatedRequest;
import io.dittofs.contracts.block.v1.RangeRequest;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.gateway.fs.model.AllocatedResult;
import io.dittofs.gateway.fs.model.Extent;
import io.dittofs.contracts.block.v1.CommitRequest;
import io.dittofs.contracts.block.v1.DeleteRequest;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.TruncateRequest;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.gateway.fs.model.ContentId;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Stability;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Message;
import io.dittofs.gateway.fs.ServiceCallException;
import io.grpc.Channel;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.nio.ByteBuffer;

/** The content part of the facade: one block-service call per method, results in model terms. */
final class Content {

    record Read(FsStatus status, ByteString data) {
    }

    record Written(FsStatus status, long count, Stability committed, byte[] verifier) {
    }

    record Committed(FsStatus status, byte[] verifier) {
    }

    private final BlockServiceGrpc.BlockServiceBlockingStub blocks;
    private final BlockServiceGrpc.BlockServiceFutureStub async;

    Content(Channel channel) {
        this.blocks = BlockServiceGrpc.newBlockingStub(channel);
        this.async = BlockServiceGrpc.newFutureStub(channel);
    }

    Read read(ContentId id, long offset, int count) {
        var r = Rpc.call("Read", () -> blocks.read(readRequest(id, offset, count)));
        return new Read(status(r.getStatus()), r.getData());
    }

    /** Starts a read whose result may be discarded (see {@link Pending}); in process it completes before returning. */
    Pending<Read> readAhead(ContentId id, long offset, int count) {
        return new Pending<>("Read", async.read(readRequest(id, offset, count)), r -> new Read(status(r.getStatus()), r.getData()));
    }

    private static ReadRequest readRequest(ContentId id, long offset, int count) {
        return ReadRequest.newBuilder().setPayloadId(content(id)).setOffset(offset).setCount(count).build();
    }

    /** Starts a commit alongside the namespace call that decides whether its answer is used. */
    Pending<Committed> commitAhead(ContentId id, long offset, long count) {
        return new Pending<>("Commit", async.commit(CommitRequest.newBuilder().setPayloadId(content(id)).setOffset(offset)
                .setCount(count).build()), r -> new Committed(status(r.getStatus()), r.getVerifier().toByteArray()));
    }

    /**
     * {@code data} is lent, not copied: in process the block-service reads it straight from the
     * call's record buffer, which stays retained until this blocking call returns; over TCP gRPC
     * serialises it before the call returns. The block-service contract forbids keeping a reference
     * to request data past the call (block.proto).
     */
    Written write(ContentId id, long offset, ByteBuffer data, Stability stability) {
        var r = Rpc.call("Write", () -> blocks.write(WriteRequest.newBuilder().setPayloadId(content(id)).setOffset(offset)
                .setData(DirectByteString.wrap(data)).setStability(ContentMapper.stability(stability)).build()));
        return new Written(status(r.getStatus()), r.getCount(), ContentMapper.stability(r.getCommitted()),
                r.getVerifier().toByteArray());
    }

    /** A block-service call under way while the namespace call that decides about it runs. */
    static final class Pending<T> {
        private final String what;
        private final ListenableFuture<? extends Message> call;
        private final Function<Message, T> result;

        @SuppressWarnings("unchecked")
        <R extends Message> Pending(String what, ListenableFuture<R> call, Function<R, T> result) {
            this.what = what;
            this.call = call;
            this.result = (Function<Message, T>) result;
        }

        T get() {
            try {
                return result.apply(call.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                throw new ServiceCallException(what + " interrupted", true, e);
            } catch (ExecutionException e) {
                return Rpc.call(what, () -> {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(what + " failed", e.getCause());
                });
            }
        }

        /** The namespace said no (or named another content object): the answer is not needed. */
        void discard() {
            call.cancel(false);
        }
    }

    Committed commit(ContentId id, long offset, long count) {
        var r = Rpc.call("Commit", () -> blocks.commit(CommitRequest.newBuilder().setPayloadId(content(id))
                .setOffset(offset).setCount(count).build()));
        return new Committed(status(r.getStatus()), r.getVerifier().toByteArray());
    }

    FsStatus truncate(ContentId id, long size) {
        var r = Rpc.call("Truncate", () -> blocks.truncate(TruncateRequest.newBuilder().setPayloadId(content(id))
                .setSize(size).build()));
        return status(r.getStatus());
    }

    FsStatus delete(ContentId id) {
        var r = Rpc.call("Delete", () -> blocks.delete(DeleteRequest.newBuilder().setPayloadId(content(id)).build()));
        return status(r.getStatus());
    }

    /** Ranges of [offset, offset+length) that may hold nonzero data, at most max (block.proto QueryAllocated). */
    AllocatedResult allocated(ContentId id, long offset, long length, int max) {
        var r = Rpc.call("QueryAllocated", () -> blocks.queryAllocated(QueryAllocatedRequest.newBuilder()
                .setPayloadId(content(id)).setRange(ByteRange.newBuilder().setOffset(offset).setLength(length))
                .setMaxRanges(max).build()));
        FsStatus st = status(r.getStatus());
        if (!st.ok()) {
            return AllocatedResult.failed(st);
        }
        return new AllocatedResult(st, r.getRangesList().stream().map(b -> new Extent(b.getOffset(), b.getLength()))
                .toList(), r.getTruncated());
    }

    /** Punches [offset, offset+length): whole blocks dropped, partial ones zeroed; durable before the reply. */
    FsStatus deallocate(ContentId id, long offset, long length) {
        var r = Rpc.call("Deallocate", () -> blocks.deallocate(RangeRequest.newBuilder().setPayloadId(content(id))
                .setRange(ByteRange.newBuilder().setOffset(offset).setLength(length)).build()));
        return status(r.getStatus());
    }

    /** Shares the source's blocks into the destination by reference (the unaligned rest is copied); durable before the reply. */
    FsStatus clone(ContentId source, long sourceOffset, ContentId destination, long destinationOffset, long length) {
        var r = Rpc.call("Clone", () -> blocks.clone(CloneRequest.newBuilder().setSource(content(source))
                .setSourceOffset(sourceOffset).setDestination(content(destination))
                .setDestinationOffset(destinationOffset).setLength(length).build()));
        return status(r.getStatus());
    }

    byte[] verifier() {
        return Rpc.call("GetVerifier", () -> blocks.getVerifier(GetVerifierRequest.getDefaultInstance())).getVerifier()
                .toByteArray();
    }
}
