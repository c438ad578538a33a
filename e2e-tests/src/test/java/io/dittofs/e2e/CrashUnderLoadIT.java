package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load, in the separate-process topology: while a client keeps writing files (half
 * FILE_SYNC, half UNSTABLE + COMMIT with the write verifier checked), the gateway, then the
 * metadata-service, then the block-service is SIGKILLed and restarted. Every file whose writes the
 * server acknowledged as stable must read back identical at the end.
 */
class CrashUnderLoadIT {

    private static final int FILE_BYTES = 96 * 1024;
    private static final int CHUNK = 32 * 1024;

    @TempDir
    Path tmp;

    private int metaPort;
    private int blockPort;
    private int nfsPort;
    private Path logs;
    private final Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();

    private ChildJvm meta() throws IOException {
        return ChildJvm.start("metadata", "io.dittofs.metadata.MetadataServiceApplication", logs,
                List.of("--dittofs.data-dir=" + tmp.resolve("meta"), "--dittofs.metadata.grpc.listen=127.0.0.1:" + metaPort,
                        "--dittofs.metadata.content.block-target=127.0.0.1:" + blockPort));
    }

    private ChildJvm block() throws IOException {
        return ChildJvm.start("block", "io.dittofs.block.BlockServiceApplication", logs,
                List.of("--dittofs.data-dir=" + tmp.resolve("block"), "--dittofs.block.grpc.listen=127.0.0.1:" + blockPort));
    }

    private ChildJvm gateway() throws IOException {
        return ChildJvm.start("gateway", "io.dittofs.gateway.GatewayApplication", logs,
                List.of("--dittofs.nfs.port=" + nfsPort, "--dittofs.nfs.bind-address=127.0.0.1",
                        "--dittofs.gateway.metadata-target=127.0.0.1:" + metaPort,
                        "--dittofs.gateway.block-target=127.0.0.1:" + blockPort, "--dittofs.nlm.enabled=false"));
    }

    /** One file written stably; true only when every reply said the data is on stable storage. */
    private static boolean writeStably(NfsClient c, byte[] root, String name, byte[] data, boolean fileSync) {
        var f = c.create(root, name, 0, Sattr.mode(0644));
        if (f.status() != Nfs3.OK) {
            return false;
        }
        byte[] verifier = null;
        for (int off = 0; off < data.length; off += CHUNK) {
            byte[] part = Arrays.copyOfRange(data, off, off + CHUNK);
            var w = c.write(f.handle(), off, part, fileSync ? Nfs3.FILE_SYNC : Nfs3.UNSTABLE);
            if (w.status() != Nfs3.OK || w.count() != CHUNK || (fileSync && w.committed() != Nfs3.FILE_SYNC)) {
                return false;
            }
            if (verifier != null && !Arrays.equals(verifier, w.verifier())) {
                return false; // the server restarted between writes: UNSTABLE data may be gone
            }
            verifier = w.verifier();
        }
        if (fileSync) {
            return true;
        }
        var commit = c.commit(f.handle(), 0, 0);
        return commit.status() == Nfs3.OK && Arrays.equals(verifier, commit.verifier());
    }

    private void writeUntilStopped(AtomicBoolean stop) {
        Random rnd = new Random(42);
        int i = 0;
        while (!stop.get()) {
            try (NfsClient c = new NfsClient("127.0.0.1", nfsPort, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                while (!stop.get()) {
                    String name = "f" + i;
                    byte[] data = new byte[FILE_BYTES];
                    rnd.nextBytes(data);
                    if (writeStably(c, root, name, data, i % 2 == 0)) {
                        acknowledged.put(name, data);
                    }
                    i++;
                }
            } catch (RuntimeException | IOException e) {
                // a killed gateway drops the connection: reconnect and go on with the next file
                i++;
                sleep(200);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitMoreAcknowledged(int more) {
        int target = acknowledged.size() + more;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < target && System.nanoTime() < until) {
            sleep(100);
        }
        assertThat(acknowledged.size()).as("writes are acknowledged again after the restart").isGreaterThanOrEqualTo(target);
    }

    private void verifyAcknowledged() throws IOException {
        try (NfsClient c = new NfsClient("127.0.0.1", nfsPort, RpcClient.Auth.sys(1000, 1000))) {
            byte[] root = c.mount("/export");
            for (var e : acknowledged.entrySet()) {
                var l = c.lookup(root, e.getKey());
                assertThat(l.status()).as("%s exists", e.getKey()).isEqualTo(Nfs3.OK);
                byte[] back = new byte[FILE_BYTES];
                for (int off = 0; off < FILE_BYTES; off += CHUNK) {
                    var r = c.read(l.handle(), off, CHUNK);
                    assertThat(r.status()).isEqualTo(Nfs3.OK);
                    assertThat(r.data()).hasSize(CHUNK);
                    System.arraycopy(r.data(), 0, back, off, CHUNK);
                }
                assertThat(back).as("%s reads back what was acknowledged", e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void everyStableWriteSurvivesSigkillOfEachProcess() throws Exception {
        metaPort = ChildJvm.freePort();
        blockPort = ChildJvm.freePort();
        nfsPort = ChildJvm.freePort();
        logs = tmp.resolve("logs");
        AtomicBoolean stop = new AtomicBoolean();
        ChildJvm[] jvms = {meta(), block(), gateway()}; // metadata, block, gateway: replaced on restart
        Thread writer = null;
        try {
            jvms[0].awaitPort(metaPort);
            jvms[1].awaitPort(blockPort);
            jvms[2].awaitPort(nfsPort);
            writer = Thread.ofPlatform().name("crash-writer").start(() -> writeUntilStopped(stop));
            awaitMoreAcknowledged(6);

            jvms[2].kill();
            jvms[2] = gateway();
            jvms[2].awaitPort(nfsPort);
            awaitMoreAcknowledged(6);

            jvms[0].kill();
            jvms[0] = meta();
            jvms[0].awaitPort(metaPort);
            awaitMoreAcknowledged(6);

            jvms[1].kill();
            jvms[1] = block();
            jvms[1].awaitPort(blockPort);
            awaitMoreAcknowledged(6);
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(60));
            verifyAcknowledged();
        } finally {
            stop.set(true);
            for (ChildJvm j : jvms) {
                j.close();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(24);
    }
}
