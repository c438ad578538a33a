package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Namespace and content agree across process crashes: the metadata-service records released
 * content in its own transaction (the content outbox) and drains it to the block-service. The
 * three services run as separate JVMs; the block-service and the metadata-service are SIGKILLed
 * between the namespace change and the content change, and the test measures the block store's
 * on-disk size.
 */
class ContentReleaseIT {

    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;

    private int metaPort;
    private int blockPort;
    private int nfsPort;
    private Path logs;

    private ChildJvm startMeta() throws IOException {
        return ChildJvm.start("metadata", "io.dittofs.metadata.MetadataServiceApplication", logs,
                List.of("--dittofs.data-dir=" + tmp.resolve("meta"), "--dittofs.metadata.grpc.listen=127.0.0.1:" + metaPort,
                        "--dittofs.metadata.content.block-target=127.0.0.1:" + blockPort,
                        "--dittofs.metadata.content.retry-interval=1s"));
    }

    private ChildJvm startBlock() throws IOException {
        return ChildJvm.start("block", "io.dittofs.block.BlockServiceApplication", logs,
                List.of("--dittofs.data-dir=" + tmp.resolve("block"), "--dittofs.block.grpc.listen=127.0.0.1:" + blockPort,
                        "--dittofs.block.checkpoint-interval=1s"));
    }

    /** Bytes of sealed blocks the block-service keeps on disk. */
    private long blockBytes() throws IOException {
        Path dir = tmp.resolve("block").resolve("blocks");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private long awaitBlockBytes(java.util.function.LongPredicate ok, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long b = blockBytes();
        while (!ok.test(b) && System.nanoTime() < until) {
            Thread.sleep(200);
            b = blockBytes();
        }
        return b;
    }

    private static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static void writeFile(NfsClient c, byte[] h, int mib, int seed) {
        for (int i = 0; i < mib * 4; i++) {
            assertThat(c.write(h, (long) i * (MIB / 4), filled(MIB / 4, seed + i), Nfs3.UNSTABLE).status()).isEqualTo(Nfs3.OK);
        }
        assertThat(c.commit(h, 0, 0).status()).isEqualTo(Nfs3.OK);
    }

    /**
     * REMOVE while the block-service is down. The namespace change commits; today's gateway then
     * reports its own failed content call as JUKEBOX (a retry would find NOENT), so either answer
     * is accepted — what matters is that the name is gone and the content is reclaimed later.
     */
    private static void removeWhileContentIsDown(NfsClient c, byte[] root, String name) {
        assertThat(c.remove(root, name).status()).isIn(Nfs3.OK, 10008);
        assertThat(c.lookup(root, name).status()).as("the name is gone").isEqualTo(Nfs3.NOENT);
    }

    @Test
    void removeWithEitherServiceKilledBetweenTheStepsLeaksNothing() throws Exception {
        ChildJvm.printLogsOnFailure(tmp.resolve("logs"), this::removeWithEitherServiceKilled);
    }

    private void removeWithEitherServiceKilled() throws Exception {
        metaPort = ChildJvm.freePort();
        blockPort = ChildJvm.freePort();
        nfsPort = ChildJvm.freePort();
        logs = tmp.resolve("logs");
        ChildJvm meta = startMeta();
        ChildJvm block = startBlock();
        try (ChildJvm gateway = ChildJvm.start("gateway", "io.dittofs.gateway.GatewayApplication", logs,
                List.of("--dittofs.nfs.port=" + nfsPort, "--dittofs.nfs.bind-address=127.0.0.1",
                        "--dittofs.gateway.metadata-target=127.0.0.1:" + metaPort,
                        "--dittofs.gateway.block-target=127.0.0.1:" + blockPort))) {
            meta.awaitPort(metaPort);
            block.awaitPort(blockPort);
            gateway.awaitPort(nfsPort);
            try (NfsClient c = new NfsClient("127.0.0.1", nfsPort, RpcClient.Auth.sys(0, 0))) {
                byte[] root = c.mount("/export");
                byte[] a = c.create(root, "a.bin", 1, Sattr.mode(0644)).handle();
                byte[] b = c.create(root, "b.bin", 1, Sattr.mode(0644)).handle();
                writeFile(c, a, 8, 1);
                writeFile(c, b, 8, 2);
                long full = awaitBlockBytes(n -> n >= 16L * MIB, 60);
                assertThat(full).as("both files sealed into blocks").isGreaterThanOrEqualTo(16L * MIB);

                // 1. block-service dies; REMOVE commits in the namespace, the content call fails
                block.kill();
                removeWhileContentIsDown(c, root, "a.bin");
                block = startBlock();
                block.awaitPort(blockPort);
                long afterA = awaitBlockBytes(n -> n <= full - 8L * MIB, 30);
                assertThat(afterA).as("a.bin's content reclaimed after the block-service restarted").isLessThanOrEqualTo(full - 8L * MIB);

                // 2. both die: the REMOVE is recorded, then the metadata-service is killed before it can drain
                block.kill();
                removeWhileContentIsDown(c, root, "b.bin");
                meta.kill();
                block = startBlock();
                block.awaitPort(blockPort);
                Thread.sleep(3_000);
                assertThat(blockBytes()).as("nothing deletes b.bin's content while the namespace is down")
                        .isGreaterThanOrEqualTo(8L * MIB);
                meta = startMeta();
                meta.awaitPort(metaPort);
                long afterB = awaitBlockBytes(n -> n < MIB, 30);
                assertThat(afterB).as("all content reclaimed once the metadata-service is back").isLessThan(MIB);
            }
        } finally {
            block.close();
            meta.close();
        }
    }

    /** Shrink while the block-service is down, grow once it is back: the grown range reads zeros, never the old bytes. */
    @Test
    void shrinkThenGrowReadsZerosEvenWhenTheCutCouldNotReachTheContent() throws Exception {
        ChildJvm.printLogsOnFailure(tmp.resolve("logs"), this::shrinkThenGrow);
    }

    private void shrinkThenGrow() throws Exception {
        metaPort = ChildJvm.freePort();
        blockPort = ChildJvm.freePort();
        nfsPort = ChildJvm.freePort();
        logs = tmp.resolve("logs");
        ChildJvm meta = startMeta();
        ChildJvm block = startBlock();
        try (ChildJvm gateway = ChildJvm.start("gateway", "io.dittofs.gateway.GatewayApplication", logs,
                List.of("--dittofs.nfs.port=" + nfsPort, "--dittofs.nfs.bind-address=127.0.0.1",
                        "--dittofs.gateway.metadata-target=127.0.0.1:" + metaPort,
                        "--dittofs.gateway.block-target=127.0.0.1:" + blockPort))) {
            meta.awaitPort(metaPort);
            block.awaitPort(blockPort);
            gateway.awaitPort(nfsPort);
            try (NfsClient c = new NfsClient("127.0.0.1", nfsPort, RpcClient.Auth.sys(0, 0))) {
                byte[] root = c.mount("/export");
                byte[] f = c.create(root, "f.bin", 1, Sattr.mode(0644)).handle();
                byte[] old = filled(64 * 1024, 7);
                assertThat(c.write(f, 0, old, Nfs3.FILE_SYNC).status()).isEqualTo(Nfs3.OK);

                block.kill();
                // the namespace shrinks; the gateway's own truncate call fails, the outbox keeps the cut
                c.setattr(f, Sattr.size(10));
                assertThat(c.getattr(f).attr().size()).isEqualTo(10);
                block = startBlock();
                block.awaitPort(blockPort);
                // grow past the old end: refused (JUKEBOX) until the cut reached the content, then accepted
                Nfs3.WriteReply w = c.write(f, 60 * 1024, new byte[] {42}, Nfs3.FILE_SYNC);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (w.status() != Nfs3.OK && System.nanoTime() < until) {
                    Thread.sleep(200);
                    w = c.write(f, 60 * 1024, new byte[] {42}, Nfs3.FILE_SYNC);
                }
                assertThat(w.status()).isEqualTo(Nfs3.OK);
                Nfs3.ReadReply r = c.read(f, 0, 64 * 1024);
                assertThat(r.status()).isEqualTo(Nfs3.OK);
                byte[] data = r.data();
                assertThat(data).hasSize(60 * 1024 + 1);
                assertThat(Arrays.copyOf(data, 10)).isEqualTo(Arrays.copyOf(old, 10));
                assertThat(Arrays.copyOfRange(data, 10, 60 * 1024)).as("old bytes never come back").containsOnly(0);
                assertThat(data[60 * 1024]).isEqualTo((byte) 42);
            }
        } finally {
            block.close();
            meta.close();
        }
    }
}
