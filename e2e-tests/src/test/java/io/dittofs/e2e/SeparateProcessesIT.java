package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.NlmClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker-compose topology without Docker: metadata-service, block-service, lock-service and the
 * gateway (twice, sharing the lock-service) as separate JVMs talking gRPC over loopback TCP, driven by
 * the Java NFS and NLM clients and by libnfs.
 */
class SeparateProcessesIT {

    @TempDir
    Path tmp;

    @Test
    void servicesApartServeNfsAndTwoGatewaysShareLocks() throws Exception {
        ChildJvm.printLogsOnFailure(tmp.resolve("logs"), this::servicesApart);
    }

    private void servicesApart() throws Exception {
        int metaPort = ChildJvm.freePort();
        int blockPort = ChildJvm.freePort();
        Path lockSocket = tmp.resolve("sockets").resolve("lock.sock");
        int nfsPort = ChildJvm.freePort();
        int nfsPort2 = ChildJvm.freePort();
        Path logs = tmp.resolve("logs");
        try (NlmCallbackHost hostB = new NlmCallbackHost();
             ChildJvm meta = ChildJvm.start("metadata", "io.dittofs.metadata.MetadataServiceApplication", logs,
                     List.of("--dittofs.data-dir=" + tmp.resolve("meta"), "--dittofs.metadata.grpc.listen=127.0.0.1:" + metaPort,
                             "--dittofs.metadata.content.block-target=127.0.0.1:" + blockPort));
             ChildJvm block = ChildJvm.start("block", "io.dittofs.block.BlockServiceApplication", logs,
                     List.of("--dittofs.data-dir=" + tmp.resolve("block"), "--dittofs.block.grpc.listen=127.0.0.1:" + blockPort));
             ChildJvm lock = ChildJvm.start("lock", "io.dittofs.lock.LockServiceApplication", logs,
                     List.of("--dittofs.data-dir=" + tmp.resolve("lock"), "--dittofs.lock.grpc.listen=unix:" + lockSocket));
             ChildJvm gateway = ChildJvm.start("gateway", "io.dittofs.gateway.GatewayApplication", logs,
                     List.of("--dittofs.nfs.port=" + nfsPort, "--dittofs.nfs.bind-address=127.0.0.1", "--dittofs.smb.port=0",
                             "--dittofs.gateway.metadata-target=127.0.0.1:" + metaPort,
                             "--dittofs.gateway.block-target=127.0.0.1:" + blockPort,
                             "--dittofs.gateway.lock-target=unix:" + lockSocket, "--dittofs.gateway.gateway-id=gw-1"));
             ChildJvm gateway2 = ChildJvm.start("gateway2", "io.dittofs.gateway.GatewayApplication", logs,
                     List.of("--dittofs.nfs.port=" + nfsPort2, "--dittofs.nfs.bind-address=127.0.0.1",
                             "--dittofs.gateway.metadata-target=127.0.0.1:" + metaPort,
                             "--dittofs.gateway.block-target=127.0.0.1:" + blockPort,
                             "--dittofs.gateway.lock-target=unix:" + lockSocket, "--dittofs.gateway.gateway-id=gw-2",
                             "--dittofs.nlm.callback-portmap-port=" + hostB.port()))) {
            meta.awaitPort(metaPort);
            block.awaitPort(blockPort);
            lock.awaitSocket(lockSocket);
            gateway.awaitPort(nfsPort);
            gateway2.awaitPort(nfsPort2);
            byte[] fh;
            try (NfsClient c = new NfsClient("127.0.0.1", nfsPort, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                var f = c.create(root, "apart.txt", 1, Sattr.mode(0644));
                assertThat(f.status()).isEqualTo(Nfs3.OK);
                assertThat(c.write(f.handle(), 0, "over tcp grpc".getBytes(), Nfs3.FILE_SYNC).status()).isEqualTo(Nfs3.OK);
                assertThat(new String(c.read(f.handle(), 0, 100).data())).isEqualTo("over tcp grpc");
                fh = f.handle();
            }
            // two gateways, one lock-service: a lock through one blocks through the other, and the
            // waiter's GRANTED comes from its own gateway once the holder unlocks through the first
            try (NlmClient a = new NlmClient("127.0.0.1", nfsPort, "hostA");
                 NlmClient b = new NlmClient("127.0.0.1", nfsPort2, "hostB")) {
                assertThat(a.lock(fh, 1, 0, 0, true, false)).isEqualTo(NlmClient.GRANTED);
                assertThat(b.lock(fh, 2, 0, 10, false, false)).isEqualTo(NlmClient.DENIED);
                assertThat(b.test(fh, 2, 5, 1, false).holderSvid()).isEqualTo(1);
                assertThat(b.lock(fh, 2, 0, 10, true, true)).isEqualTo(NlmClient.BLOCKED);
                assertThat(a.unlock(fh, 1, 0, 0)).isEqualTo(NlmClient.GRANTED);
                assertThat(hostB.grants.poll(20, TimeUnit.SECONDS)).as("GRANTED through gateway 2").isNotNull();
                assertThat(a.test(fh, 1, 0, 1, true).holderSvid()).isEqualTo(2);
            }
            Path local = tmp.resolve("local.txt");
            Files.writeString(local, "via libnfs\n");
            String url = "nfs://127.0.0.1/export/libnfs.txt?nfsport=" + nfsPort + "&mountport=" + nfsPort;
            Tools.ok("nfs-cp", local.toString(), url);
            assertThat(Tools.ok("nfs-cat", url).output()).isEqualTo("via libnfs\n");
            assertThat(Files.exists(tmp.resolve("meta"))).as("metadata kept its own data dir").isTrue();
            assertThat(Files.isDirectory(tmp.resolve("lock").resolve("lock"))).as("lock-service's RocksDB").isTrue();
        }
    }
}
