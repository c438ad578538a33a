package io.dittofs.block.grpc;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.Results;
import io.dittofs.contracts.block.v1.Stability;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.block.v1.WriteResponse;
import io.dittofs.contracts.common.v1.Status;
import io.grpc.stub.StreamObserver;

/**
 * WriteStream: the first message names the payload; each message's data is written at its offset.
 * The stream is stable if any message asked for it; the single reply is sent after the last write
 * is durable. After a failure the remaining messages are drained and ignored.
 */
final class WriteStreamCall implements StreamObserver<WriteRequest> {

    private final BlockEngine engine;
    private final BlockGrpcService service;
    private final StreamObserver<WriteResponse> out;
    private final ByteString verifier;
    private ByteString payload;
    private long count;
    private long size;
    private boolean stable;
    private Status failed;

    WriteStreamCall(BlockEngine engine, BlockGrpcService service, StreamObserver<WriteResponse> out, ByteString verifier) {
        this.engine = engine;
        this.service = service;
        this.out = out;
        this.verifier = verifier;
    }

    @Override
    public void onNext(WriteRequest req) {
        if (failed != null) {
            return;
        }
        if (payload == null) {
            payload = req.getPayloadId().getValue();
        }
        stable |= req.getStability() == Stability.DATA_SYNC || req.getStability() == Stability.FILE_SYNC;
        try {
            Results.Write w = engine.write(payload, req.getOffset(), req.getData().asReadOnlyByteBuffer(), false);
            count += w.count();
            size = w.size();
        } catch (Exception e) {
            failed = Failures.status("WriteStream", e);
        }
    }

    @Override
    public void onError(Throwable t) {
        // the client abandoned the stream: what was written stays, unstable, as with separate writes
    }

    @Override
    public void onCompleted() {
        if (failed == null && payload != null && stable) {
            try {
                engine.commit(payload);
            } catch (Exception e) {
                failed = Failures.status("WriteStream", e);
            }
        }
        if (failed != null) {
            out.onNext(WriteResponse.newBuilder().setStatus(failed).setCount(count).setVerifier(verifier).build());
        } else {
            out.onNext(service.writeReply(new Results.Write(count, size, stable)));
        }
        out.onCompleted();
    }
}
