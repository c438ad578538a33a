package io.dittofs.block.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.remote.s3.S3RemoteStore;
import io.dittofs.block.storetest.S3ProxyServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The remote tier (real S3 API, s3proxy) behind a misbehaving proxy: writes and reads keep working
 * on the local tier, the syncer keeps failing and retrying, and catches up once the fault ends.
 */
class RemoteFaultTest {

    static final int BS = 64 * 1024;
    private static S3ProxyServer s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = FaultProxy.Mode.class, names = {"DROP", "HTTP_500", "SLOW"})
    void writesSucceedLocallyAndSyncCatchesUpAfterTheFault(FaultProxy.Mode fault) throws Exception {
        String bucket = "fault-" + fault.name().toLowerCase().replace('_', '-');
        s3.client(bucket).close();
        EngineSettings settings = EngineSettings.defaults().withBlockSize(BS).withBackoff(Duration.ofMillis(20), Duration.ofMillis(300));
        byte[] data = new byte[10 * BS + 99];
        new Random(fault.ordinal()).nextBytes(data);
        ByteString id = ByteString.copyFromUtf8("f");
        try (FaultProxy proxy = new FaultProxy(s3.port());
             S3RemoteStore remote = s3.client(bucket, proxy.port(), Duration.ofSeconds(2));
             FsLocalStore local = new FsLocalStore(dir, 0)) {
            BlockEngine engine = BlockEngine.open(local, remote, settings);
            try {
                proxy.slowMillis(400);
                proxy.mode(fault);
                engine.write(id, 0, ByteBuffer.wrap(data), true);
                engine.checkpoint();
                assertThat(engine.read(id, 0, data.length).data()).isEqualTo(data);
                if (fault == FaultProxy.Mode.SLOW) {
                    assertThat(engine.awaitSynced(Duration.ofSeconds(120))).isTrue();
                } else {
                    while (engine.syncFailures() < 3) {
                        Thread.sleep(20);
                    }
                    assertThat(engine.stat(id).fullySynced()).isFalse();
                    // more writes while the remote tier is down
                    engine.write(id, data.length, ByteBuffer.wrap(data, 0, BS), true);
                    engine.checkpoint();
                    assertThat(engine.read(id, data.length, BS).data()).isEqualTo(java.util.Arrays.copyOf(data, BS));
                    proxy.mode(FaultProxy.Mode.PASS);
                    assertThat(engine.awaitSynced(Duration.ofSeconds(120))).isTrue();
                }
                assertThat(engine.stat(id).fullySynced()).isTrue();
                Set<String> expected = local.listBlocks().keySet().stream().map(h -> "blocks/" + h.hex()).collect(Collectors.toSet());
                try (S3RemoteStore direct = s3.client(bucket)) {
                    assertThat(direct.list("blocks/")).isEqualTo(expected);
                    for (BlockHash h : local.listBlocks().keySet()) {
                        byte[] c = direct.get("blocks/" + h.hex());
                        assertThat(BlockHash.of(c, 0, c.length)).isEqualTo(h);
                    }
                }
            } finally {
                engine.close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void startsWhileTheRemoteTierIsUnreachableAndSyncsLater() throws Exception {
        String bucket = "fault-start";
        s3.client(bucket).close();
        EngineSettings settings = EngineSettings.defaults().withBlockSize(BS).withBackoff(Duration.ofMillis(20), Duration.ofMillis(300));
        byte[] data = new byte[3 * BS];
        new Random(99).nextBytes(data);
        ByteString id = ByteString.copyFromUtf8("s");
        try (FaultProxy proxy = new FaultProxy(s3.port());
             S3RemoteStore remote = s3.client(bucket, proxy.port(), Duration.ofSeconds(1));
             FsLocalStore local = new FsLocalStore(dir, 0)) {
            proxy.mode(FaultProxy.Mode.DROP);
            try (BlockEngine engine = BlockEngine.open(local, remote, settings)) {
                engine.write(id, 0, ByteBuffer.wrap(data), true);
                engine.checkpoint();
                assertThat(engine.read(id, 0, data.length).data()).isEqualTo(data);
                proxy.mode(FaultProxy.Mode.PASS);
                assertThat(engine.awaitSynced(Duration.ofSeconds(120))).isTrue();
                assertThat(engine.stat(id).fullySynced()).isTrue();
            }
        }
    }
}
