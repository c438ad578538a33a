package io.dittofs.block.grpc;

import static io.dittofs.block.grpc.Payloads.id;
import static io.dittofs.block.grpc.Payloads.random;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;
import io.dittofs.contracts.block.v1.*;
import io.dittofs.contracts.common.v1.ByteRange;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end over HTTP/2 on 127.0.0.1:0 through the generated stubs: 4 MiB chunks, holes, clone, streams. */
class BlockServiceTcpTest {

    static final int MIB4 = 4 << 20;

    @TempDir
    Path dir;

    @Test
    void fourMebibyteChunksHolesCloneAndStreamsOverTcp() throws Exception {
        try (FsLocalStore local = new FsLocalStore(dir, 0);
             BlockEngine engine = BlockEngine.open(local, new MemoryRemoteStore(), EngineSettings.defaults())) {
            GrpcServerHost host = GrpcServerHost.start("127.0.0.1:0", List.of(new BlockGrpcService(engine)));
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + host.port());
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                PayloadId p = id("tcp");
                byte[] c1 = random(1, MIB4);
                byte[] c2 = random(2, MIB4);
                // chunk 0, a 4 MiB hole, chunk 2
                for (long[] w : new long[][] {{0, 1}, {2L * MIB4, 2}}) {
                    WriteResponse r = stub.write(WriteRequest.newBuilder().setPayloadId(p).setOffset(w[0])
                            .setData(ByteString.copyFrom(w[1] == 1 ? c1 : c2)).setStability(Stability.DATA_SYNC).build());
                    assertThat(r.getStatus()).isEqualTo(Status.OK);
                    assertThat(r.getCount()).isEqualTo(MIB4);
                }
                assertThat(stub.read(ReadRequest.newBuilder().setPayloadId(p).setOffset(0).setCount(MIB4).build()).getData().toByteArray()).isEqualTo(c1);
                ReadResponse hole = stub.read(ReadRequest.newBuilder().setPayloadId(p).setOffset(MIB4).setCount(MIB4).build());
                assertThat(hole.getData().toByteArray()).isEqualTo(new byte[MIB4]);
                ReadResponse last = stub.read(ReadRequest.newBuilder().setPayloadId(p).setOffset(2L * MIB4).setCount(MIB4).build());
                assertThat(last.getData().toByteArray()).isEqualTo(c2);
                assertThat(last.getEof()).isTrue();
                QueryAllocatedResponse q = stub.queryAllocated(QueryAllocatedRequest.newBuilder().setPayloadId(p)
                        .setRange(ByteRange.getDefaultInstance()).build());
                assertThat(q.getRangesList()).hasSize(2);
                assertThat(q.getRanges(1).getOffset()).isEqualTo(2L * MIB4);

                engine.checkpoint();
                CloneResponse cl = stub.clone(CloneRequest.newBuilder().setSource(p).setDestination(id("tcp-clone")).build());
                assertThat(cl.getSize()).isEqualTo(3L * MIB4);

                Iterator<ReadResponse> it = stub.readStream(ReadRequest.newBuilder().setPayloadId(id("tcp-clone"))
                        .setCount(3 * MIB4).setChunkSize(MIB4).build());
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                while (it.hasNext()) {
                    all.write(it.next().getData().toByteArray());
                }
                byte[] expect = new byte[3 * MIB4];
                System.arraycopy(c1, 0, expect, 0, MIB4);
                System.arraycopy(c2, 0, expect, 2 * MIB4, MIB4);
                assertThat(Arrays.equals(all.toByteArray(), expect)).isTrue();

                CompletableFuture<WriteResponse> done = new CompletableFuture<>();
                StreamObserver<WriteRequest> ws = BlockServiceGrpc.newStub(ch).writeStream(new StreamObserver<>() {
                    public void onNext(WriteResponse r) { done.complete(r); }
                    public void onError(Throwable t) { done.completeExceptionally(t); }
                    public void onCompleted() { }
                });
                for (int i = 0; i < 3; i++) {
                    ws.onNext(WriteRequest.newBuilder().setPayloadId(id("tcp-stream")).setOffset((long) i * MIB4)
                            .setData(ByteString.copyFrom(i == 1 ? c2 : c1)).setStability(Stability.FILE_SYNC).build());
                }
                ws.onCompleted();
                WriteResponse wr = done.get(60, TimeUnit.SECONDS);
                assertThat(wr.getCount()).isEqualTo(3L * MIB4);
                assertThat(wr.getSize()).isEqualTo(3L * MIB4);
                assertThat(stub.read(ReadRequest.newBuilder().setPayloadId(id("tcp-stream")).setOffset(MIB4).setCount(MIB4).build())
                        .getData().toByteArray()).isEqualTo(c2);
            } finally {
                ch.shutdownNow();
                host.close();
            }
        }
    }
}
