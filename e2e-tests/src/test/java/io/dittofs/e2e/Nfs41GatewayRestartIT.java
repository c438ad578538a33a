package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.v4.Nfs4Client;
import io.dittofs.nfsclient.v4.Nfs4Exception;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NFSv4.1 state lives in the lock-service, not in the gateway: with the services in their own JVMs,
 * a client opens and locks a file, the gateway is killed (SIGKILL) and started again, and the
 * client — on a new connection and a new session for the same client id — still writes with its
 * open stateid, still holds its lock against another client, and unlocks and closes with the
 * stateids it had before.
 */
class Nfs41GatewayRestartIT {

    static final int UID = 1000;
    static final int DENIED = 10010;

    @TempDir
    Path tmp;

    @Test
    void openAndLockSurviveAGatewayKill() throws Exception {
        int metaPort = ChildJvm.freePort();
        int blockPort = ChildJvm.freePort();
        int lockPort = ChildJvm.freePort();
        int nfsPort = ChildJvm.freePort();
        Path logs = tmp.resolve("logs");
        List<String> gatewayArgs = List.of("--dittofs.nfs.port=" + nfsPort, "--dittofs.nfs.bind-address=127.0.0.1",
                "--dittofs.smb.port=0", "--dittofs.gateway.metadata-target=127.0.0.1:" + metaPort,
                "--dittofs.gateway.block-target=127.0.0.1:" + blockPort,
                "--dittofs.gateway.lock-target=127.0.0.1:" + lockPort, "--dittofs.gateway.gateway-id=gw-restart");
        try (ChildJvm meta = ChildJvm.start("metadata", "io.dittofs.metadata.MetadataServiceApplication", logs,
                     List.of("--dittofs.data-dir=" + tmp.resolve("meta"), "--dittofs.metadata.grpc.listen=127.0.0.1:" + metaPort,
                             "--dittofs.metadata.content.block-target=127.0.0.1:" + blockPort));
             ChildJvm block = ChildJvm.start("block", "io.dittofs.block.BlockServiceApplication", logs,
                     List.of("--dittofs.data-dir=" + tmp.resolve("block"), "--dittofs.block.grpc.listen=127.0.0.1:" + blockPort));
             ChildJvm lock = ChildJvm.start("lock", "io.dittofs.lock.LockServiceApplication", logs,
                     List.of("--dittofs.data-dir=" + tmp.resolve("lock"), "--dittofs.lock.grpc.listen=127.0.0.1:" + lockPort))) {
            meta.awaitPort(metaPort);
            block.awaitPort(blockPort);
            lock.awaitPort(lockPort);
            ChildJvm gateway = ChildJvm.start("gateway", "io.dittofs.gateway.GatewayApplication", logs, gatewayArgs);
            gateway.awaitPort(nfsPort);

            try (Nfs4Client a = new Nfs4Client("127.0.0.1", nfsPort, RpcClient.Auth.sys(UID, UID))) {
                a.establish();
                byte[] export = a.lookup("/export");
                var f = a.open(export, "kept.txt", Nfs4Client.ACCESS_BOTH, true);
                assertThat(a.write(f, 0, "before restart".getBytes(StandardCharsets.UTF_8), Nfs4Client.FILE_SYNC))
                        .isEqualTo(14);
                var held = a.lock(f, Nfs4Client.WRITE_LT, 0, 100);

                gateway.kill();
                ChildJvm again = ChildJvm.start("gateway-again", "io.dittofs.gateway.GatewayApplication", logs, gatewayArgs);
                try (again) {
                    again.awaitPort(nfsPort);
                    a.reconnect();

                    assertThat(a.write(f, 0, "after restart!".getBytes(StandardCharsets.UTF_8), Nfs4Client.FILE_SYNC))
                            .as("the open stateid from before the restart").isEqualTo(14);
                    try (Nfs4Client b = new Nfs4Client("127.0.0.1", nfsPort, RpcClient.Auth.sys(UID, UID))) {
                        b.establish();
                        var fb = b.open(export, "kept.txt", Nfs4Client.ACCESS_BOTH, false);
                        assertThatThrownBy(() -> b.lock(fb, Nfs4Client.WRITE_LT, 10, 1))
                                .as("the lock from before the restart still conflicts")
                                .isInstanceOf(Nfs4Exception.class)
                                .satisfies(e -> assertThat(((Nfs4Exception) e).status()).isEqualTo(DENIED));
                        a.unlock(f, held, Nfs4Client.WRITE_LT, 0, 100);
                        b.unlock(fb, b.lock(fb, Nfs4Client.WRITE_LT, 10, 1), Nfs4Client.WRITE_LT, 10, 1);
                        b.close(fb);
                        b.destroy();
                    }
                    var other = a.open(export, "new-after-restart.txt", Nfs4Client.ACCESS_BOTH, true);
                    a.close(other);
                    a.close(f);
                    assertThat(new String(a.read(a.open(export, "kept.txt", Nfs4Client.ACCESS_READ, false), 0, 64).data(),
                            StandardCharsets.UTF_8)).isEqualTo("after restart!");
                    a.destroy();
                }
            }
        }
    }
}
