package io.dittofs.block.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.Stability;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.block.v1.WriteResponse;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full local tier (fs store with a small quota): writes answer NOSPC, every acknowledged write
 * reads back — now and after a restart on the same (still full) directory.
 */
class LocalFullTest {

    static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void fullLocalTierAnswersNospcAndKeepsEverythingAcknowledged() throws Exception {
        EngineSettings settings = EngineSettings.defaults().withBlockSize(CHUNK).withLimits(256 * 1024, 512 * 1024);
        PayloadId id = PayloadId.newBuilder().setValue(ByteString.copyFromUtf8("full")).build();
        List<byte[]> acked = new ArrayList<>();
        Random rnd = new Random(42);
        int nospc = 0;
        try (FsLocalStore local = new FsLocalStore(dir, 1_200_000)) {
            BlockEngine engine = BlockEngine.open(local, null, settings);
            String name = "full-" + UUID.randomUUID();
            GrpcServerHost host = GrpcServerHost.start("in-process:" + name, List.of(new BlockGrpcService(engine)));
            ManagedChannel ch = ServiceChannels.open("in-process:" + name);
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                for (int i = 0; i < 60 && nospc < 3; i++) {
                    byte[] chunk = new byte[CHUNK];
                    rnd.nextBytes(chunk);
                    WriteResponse w = stub.write(WriteRequest.newBuilder().setPayloadId(id).setOffset((long) acked.size() * CHUNK)
                            .setData(ByteString.copyFrom(chunk)).setStability(Stability.FILE_SYNC).build());
                    if (w.getStatus() == Status.OK) {
                        assertThat(w.getCommitted()).isEqualTo(Stability.FILE_SYNC);
                        acked.add(chunk);
                    } else {
                        assertThat(w.getStatus()).isEqualTo(Status.NOSPC);
                        nospc++;
                    }
                }
                assertThat(nospc).as("the quota was reached").isPositive();
                assertThat(acked).as("some writes fitted").isNotEmpty();
                assertThat(local.usedBytes()).isLessThanOrEqualTo(1_200_000);
                for (int i = 0; i < acked.size(); i++) {
                    assertThat(stub.read(ReadRequest.newBuilder().setPayloadId(id).setOffset((long) i * CHUNK).setCount(CHUNK).build())
                            .getData().toByteArray()).isEqualTo(acked.get(i));
                }
            } finally {
                ch.shutdownNow();
                host.close();
                engine.close();
            }
        }
        try (FsLocalStore local = new FsLocalStore(dir, 1_200_000); BlockEngine engine = BlockEngine.open(local, null, settings)) {
            assertThat(engine.stat(id.getValue()).size()).isEqualTo((long) acked.size() * CHUNK);
            for (int i = 0; i < acked.size(); i++) {
                assertThat(engine.read(id.getValue(), (long) i * CHUNK, CHUNK).data()).isEqualTo(acked.get(i));
            }
        }
    }
}
