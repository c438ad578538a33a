package io.dittofs.block.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.DirectByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.Results;
import io.dittofs.contracts.block.v1.*;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.NonBlocking;
import io.grpc.stub.StreamObserver;
import java.io.IOException;

/**
 * BlockService over a {@link BlockEngine}. Failures travel as the response's neutral Status; a gRPC
 * error only ever means the call itself failed. Read data is wrapped, not copied, into the reply.
 */
public final class BlockGrpcService extends BlockServiceGrpc.BlockServiceImplBase {

    /** Unary reads are protocol-sized; larger requests are cut here (the client sees eof=false and continues). */
    static final int MAX_UNARY_READ = 8 << 20;
    static final int DEFAULT_STREAM_CHUNK = 1 << 20;
    /** DeleteMany's bound: a drain pass sends at most 256; a larger call is refused, not run. */
    static final int MAX_DELETE_MANY = 4096;

    private final BlockEngine engine;

    public BlockGrpcService(BlockEngine engine) {
        this.engine = engine;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> void unary(String rpc, StreamObserver<T> out, Call<T> call, java.util.function.Function<Status, T> failed) {
        T reply;
        try {
            reply = call.run();
        } catch (Exception e) {
            reply = failed.apply(Failures.status(rpc, e));
        }
        out.onNext(reply);
        out.onCompleted();
    }

    private static boolean stable(Stability s) {
        return s == Stability.DATA_SYNC || s == Stability.FILE_SYNC;
    }

    static long offset(long wire) {
        return wire; // values >= 2^63 arrive negative and are rejected by the engine as FBIG
    }

    @Override
    public void read(ReadRequest req, StreamObserver<ReadResponse> out) {
        if (NonBlocking.active()) {
            // an event loop of this process asks (a gateway answering READ on the spot): memory and
            // resident pages only; anything else is declined and the gateway asks again where it may wait
            answerNow(out, readIfResident(req), "block content not resident");
            return;
        }
        unary("Read", out, () -> readReply(req, engine.read(req.getPayloadId().getValue(), offset(req.getOffset()),
                unaryCount(req))), st -> ReadResponse.newBuilder().setStatus(st).build());
    }

    /**
     * Read without blocking, for an in-process caller that must not block (an event loop; not an
     * RPC): the reply {@link #read} would give, or null when the read needs I/O and must go through
     * {@link #read} on a thread that may block ({@link BlockEngine#readIfResident}). Failures are
     * answered like {@link #read}'s.
     */
    public ReadResponse readIfResident(ReadRequest req) {
        try {
            Results.Read r = engine.readIfResident(req.getPayloadId().getValue(), offset(req.getOffset()), unaryCount(req));
            return r == null ? null : readReply(req, r);
        } catch (Exception e) {
            return ReadResponse.newBuilder().setStatus(Failures.status("Read", e)).build();
        }
    }

    private static int unaryCount(ReadRequest req) {
        return (int) Math.min(Integer.toUnsignedLong(req.getCount()), MAX_UNARY_READ);
    }

    private static ReadResponse readReply(ReadRequest req, Results.Read r) {
        return ReadResponse.newBuilder().setOffset(req.getOffset()).setData(DirectByteString.wrap(r.buffer()))
                .setEof(r.eof()).setSize(r.size()).build();
    }

    @Override
    public void readStream(ReadRequest req, StreamObserver<ReadResponse> out) {
        new ReadStreamCall(engine, req, out).run();
    }

    @Override
    public void write(WriteRequest req, StreamObserver<WriteResponse> out) {
        if (NonBlocking.active()) {
            // the same for WRITE: UNSTABLE ones taken in memory only (a stable one waits for the disk)
            answerNow(out, req.getStability() == Stability.UNSTABLE ? writeWithoutWaiting(req) : null,
                    "block write needs I/O");
            return;
        }
        unary("Write", out, () -> {
            Results.Write w = engine.write(req.getPayloadId().getValue(), offset(req.getOffset()),
                    req.getData().asReadOnlyByteBuffer(), stable(req.getStability()));
            return writeReply(w);
        }, st -> WriteResponse.newBuilder().setStatus(st).setVerifier(verifier()).build());
    }

    /**
     * An UNSTABLE write without waiting, for an in-process caller that must not block (not an RPC):
     * the reply {@link #write} would give, or null when the write needs I/O and must go through
     * {@link #write} on a thread that may block ({@link BlockEngine#writeWithoutWaiting}).
     */
    WriteResponse writeWithoutWaiting(WriteRequest req) {
        try {
            Results.Write w = engine.writeWithoutWaiting(req.getPayloadId().getValue(), offset(req.getOffset()),
                    req.getData().asReadOnlyByteBuffer());
            return w == null ? null : writeReply(w);
        } catch (Exception e) {
            return WriteResponse.newBuilder().setStatus(Failures.status("Write", e)).setVerifier(verifier()).build();
        }
    }

    /** Answers a call under NonBlocking with {@code reply}, or signals {@code why} when there is none. */
    private static <T> void answerNow(StreamObserver<T> out, T reply, String why) {
        if (reply == null) {
            throw NonBlocking.wouldBlock(why);
        }
        out.onNext(reply);
        out.onCompleted();
    }

    WriteResponse writeReply(Results.Write w) {
        return WriteResponse.newBuilder().setCount(w.count())
                .setCommitted(w.stable() ? Stability.FILE_SYNC : Stability.UNSTABLE)
                .setVerifier(verifier()).setSize(w.size()).build();
    }

    @Override
    public StreamObserver<WriteRequest> writeStream(StreamObserver<WriteResponse> out) {
        return new WriteStreamCall(engine, this, out, verifier());
    }

    @Override
    public void commit(CommitRequest req, StreamObserver<CommitResponse> out) {
        unary("Commit", out, () -> {
            engine.commit(req.getPayloadId().getValue());
            return CommitResponse.newBuilder().setVerifier(verifier()).build();
        }, st -> CommitResponse.newBuilder().setStatus(st).setVerifier(verifier()).build());
    }

    @Override
    public void truncate(TruncateRequest req, StreamObserver<TruncateResponse> out) {
        unary("Truncate", out, () -> TruncateResponse.newBuilder()
                .setSize(engine.truncate(req.getPayloadId().getValue(), offset(req.getSize()))).build(),
                st -> TruncateResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void seek(SeekRequest req, StreamObserver<SeekResponse> out) {
        unary("Seek", out, () -> {
            Results.Seek s = engine.seek(req.getPayloadId().getValue(), offset(req.getOffset()), req.getWhat() == SeekWhat.SEEK_DATA);
            return SeekResponse.newBuilder().setOffset(s.offset()).setEof(s.eof()).build();
        }, st -> SeekResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void allocate(RangeRequest req, StreamObserver<RangeResponse> out) {
        unary("Allocate", out, () -> RangeResponse.newBuilder().setSize(engine.allocate(req.getPayloadId().getValue(),
                offset(req.getRange().getOffset()), req.getRange().getLength())).build(),
                st -> RangeResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void deallocate(RangeRequest req, StreamObserver<RangeResponse> out) {
        unary("Deallocate", out, () -> {
            long len = req.getRange().getLength();
            // length 0 = to the end of the file
            long effective = len == 0 ? BlockEngine.MAX_SIZE - Math.max(0, Math.min(BlockEngine.MAX_SIZE, req.getRange().getOffset())) : len;
            return RangeResponse.newBuilder().setSize(engine.deallocate(req.getPayloadId().getValue(),
                    offset(req.getRange().getOffset()), effective)).build();
        }, st -> RangeResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void queryAllocated(QueryAllocatedRequest req, StreamObserver<QueryAllocatedResponse> out) {
        unary("QueryAllocated", out, () -> {
            Results.Allocated a = engine.queryAllocated(req.getPayloadId().getValue(), offset(req.getRange().getOffset()),
                    req.getRange().getLength(), req.getMaxRanges());
            QueryAllocatedResponse.Builder b = QueryAllocatedResponse.newBuilder().setTruncated(a.truncated());
            for (Results.Range r : a.ranges()) {
                b.addRanges(ByteRange.newBuilder().setOffset(r.offset()).setLength(r.length()));
            }
            return b.build();
        }, st -> QueryAllocatedResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void clone(CloneRequest req, StreamObserver<CloneResponse> out) {
        unary("Clone", out, () -> {
            long[] r = engine.cloneRange(req.getSource().getValue(), offset(req.getSourceOffset()), req.getDestination().getValue(),
                    offset(req.getDestinationOffset()), offset(req.getLength()), true);
            return CloneResponse.newBuilder().setSize(r[1]).build();
        }, st -> CloneResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void copy(CopyRequest req, StreamObserver<CopyResponse> out) {
        unary("Copy", out, () -> {
            boolean stable = stable(req.getStability());
            long[] r = engine.cloneRange(req.getSource().getValue(), offset(req.getSourceOffset()), req.getDestination().getValue(),
                    offset(req.getDestinationOffset()), offset(req.getLength()), stable);
            return CopyResponse.newBuilder().setCount(r[0]).setSize(r[1]).setVerifier(verifier())
                    .setCommitted(stable ? Stability.FILE_SYNC : Stability.UNSTABLE).build();
        }, st -> CopyResponse.newBuilder().setStatus(st).setVerifier(verifier()).build());
    }

    @Override
    public void delete(DeleteRequest req, StreamObserver<DeleteResponse> out) {
        unary("Delete", out, () -> {
            engine.delete(req.getPayloadId().getValue());
            return DeleteResponse.getDefaultInstance();
        }, st -> DeleteResponse.newBuilder().setStatus(st).build());
    }

    /**
     * Deletes each object in turn; one object's failure is its own status and does not stop the
     * others (every delete is idempotent, the caller retries only those not OK).
     */
    @Override
    public void deleteMany(DeleteManyRequest req, StreamObserver<DeleteManyResponse> out) {
        DeleteManyResponse.Builder reply = DeleteManyResponse.newBuilder();
        if (req.getPayloadIdsCount() > MAX_DELETE_MANY) {
            reply.setStatus(Status.INVAL);
        } else {
            for (PayloadId id : req.getPayloadIdsList()) {
                Status st;
                try {
                    engine.delete(id.getValue());
                    st = Status.OK;
                } catch (Exception e) {
                    st = Failures.status("DeleteMany", e);
                }
                reply.addStatuses(st);
            }
        }
        out.onNext(reply.build());
        out.onCompleted();
    }

    @Override
    public void stat(StatRequest req, StreamObserver<StatResponse> out) {
        unary("Stat", out, () -> {
            Results.Stat s = engine.stat(req.getPayloadId().getValue());
            return StatResponse.newBuilder().setSize(s.size()).setAllocatedBytes(s.allocatedBytes())
                    .setFullySynced(s.fullySynced()).build();
        }, st -> StatResponse.newBuilder().setStatus(st).build());
    }

    @Override
    public void getVerifier(GetVerifierRequest req, StreamObserver<GetVerifierResponse> out) {
        out.onNext(GetVerifierResponse.newBuilder().setVerifier(verifier()).build());
        out.onCompleted();
    }

    /** Read per answer: it changes when an answered UNSTABLE write is lost (BlockEngine.verifier). */
    private ByteString verifier() {
        return ByteString.copyFrom(engine.verifier());
    }
}
