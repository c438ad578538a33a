package io.dittofs.block.grpc;

import com.google.protobuf.DirectByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.Results;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.ReadResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * ReadStream: chunks of chunk_size (default 1 MiB, at most 8 MiB) until count bytes or the end.
 * Runs on the call's virtual thread and honours flow control by waiting while the transport is
 * not ready, so a slow reader never makes the server buffer the whole range.
 */
final class ReadStreamCall {

    private final BlockEngine engine;
    private final ReadRequest req;
    private final StreamObserver<ReadResponse> out;

    ReadStreamCall(BlockEngine engine, ReadRequest req, StreamObserver<ReadResponse> out) {
        this.engine = engine;
        this.req = req;
        this.out = out;
    }

    void run() {
        int chunk = req.getChunkSize() == 0 ? BlockGrpcService.DEFAULT_STREAM_CHUNK
                : (int) Math.min(Integer.toUnsignedLong(req.getChunkSize()), BlockGrpcService.MAX_UNARY_READ);
        long remaining = Integer.toUnsignedLong(req.getCount());
        long pos = req.getOffset();
        ServerCallStreamObserver<ReadResponse> flow = out instanceof ServerCallStreamObserver<ReadResponse> s ? s : null;
        try {
            while (true) {
                int n = (int) Math.min(chunk, remaining);
                Results.Read r = engine.read(req.getPayloadId().getValue(), pos, n);
                awaitReady(flow);
                if (flow != null && flow.isCancelled()) {
                    return;
                }
                out.onNext(ReadResponse.newBuilder().setOffset(pos).setData(DirectByteString.wrap(r.buffer()))
                        .setEof(r.eof()).setSize(r.size()).build());
                pos += r.length();
                remaining -= r.length();
                if (r.eof() || remaining == 0 || r.length() == 0) {
                    break;
                }
            }
        } catch (Exception e) {
            out.onNext(ReadResponse.newBuilder().setStatus(Failures.status("ReadStream", e)).setOffset(pos).build());
        }
        out.onCompleted();
    }

    private static void awaitReady(ServerCallStreamObserver<?> flow) throws InterruptedException {
        if (flow == null) {
            return;
        }
        while (!flow.isReady() && !flow.isCancelled()) {
            Thread.sleep(1);
        }
    }
}
