package io.dittofs.lock.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.lock.v1.GetGraceRequest;
import io.dittofs.contracts.lock.v1.LockServiceGrpc;
import io.dittofs.contracts.lock.v1.Protocol;
import io.dittofs.contracts.lock.v1.RegisterClientRequest;
import io.dittofs.contracts.lock.v1.RegisterClientResponse;
import io.dittofs.lock.LockServiceApplication;
import io.dittofs.lock.core.Fx;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock-service as a real process on RocksDB is killed with SIGKILL while clients hold locks.
 * Restarted on the same directory it is in grace: the old client reclaims, a new client's
 * conflicting lock gets GRACE until the period ends, then what was not reclaimed is gone.
 */
class LockServiceCrashTest {

    private static final Pattern PORT = Pattern.compile("lock-service listening on .* \\(port (\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void sigkillThenRestartReclaimsInGrace() throws Exception {
        Child first = Child.start(dir, 3);
        ByteString a;
        ByteString b;
        try {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + first.port);
            Fx fx = new Fx(new io.dittofs.lock.grpc.GrpcApi(ch));
            a = fx.client(Protocol.NLM, "host-a", 0, "gw");
            b = fx.client(Protocol.NLM, "host-b", 0, "gw");
            assertThat(fx.lock(a, "pid-1", "f", 0, 100, true).getStatus()).isEqualTo(Status.OK);
            assertThat(fx.lock(b, "pid-2", "g", 0, 100, true).getStatus()).isEqualTo(Status.OK);
            ch.shutdownNow();
        } finally {
            first.kill();
        }
        Child second = Child.start(dir, 30); // long enough for a slow start and first calls on a loaded machine
        try {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + second.port);
            Fx fx = new Fx(new io.dittofs.lock.grpc.GrpcApi(ch));
            var stub = LockServiceGrpc.newBlockingStub(ch);
            assertThat(stub.getGrace(GetGraceRequest.getDefaultInstance()).getInGrace()).isTrue();
            RegisterClientResponse back = stub.registerClient(RegisterClientRequest.newBuilder().setProtocol(Protocol.NLM)
                    .setClientKey(ByteString.copyFromUtf8("host-a")).setGatewayId("gw").build());
            assertThat(back.getClientId()).isEqualTo(a);
            assertThat(back.getHadState()).isTrue();
            assertThat(fx.api.lock(Fx.lockReq(a, "pid-1", "f", 0, 100, true).setReclaim(true).build()).getStatus())
                    .isEqualTo(Status.OK);
            ByteString c = fx.client(Protocol.NLM, "host-c", 0, "gw");
            assertThat(fx.lock(c, "pid-3", "g", 10, 1, true).getStatus()).isEqualTo(Status.GRACE);
            assertThat(fx.lock(c, "pid-3", "f", 10, 1, true).getStatus()).isEqualTo(Status.GRACE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Status onG;
            while ((onG = fx.lock(c, "pid-3", "g", 10, 1, true).getStatus()) == Status.GRACE
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // The first answer that is not GRACE comes once the period is over, and b's unreclaimed
            // lock is gone in the same step: no window where it still conflicts.
            assertThat(onG).as("b never reclaimed").isEqualTo(Status.OK);
            assertThat(stub.getGrace(GetGraceRequest.getDefaultInstance()).getInGrace()).isFalse();
            assertThat(fx.lock(c, "pid-3", "f", 10, 1, true).getStatus()).as("a reclaimed").isEqualTo(Status.DENIED);
            assertThat(b).isNotEqualTo(a);
            ch.shutdownNow();
        } finally {
            second.kill();
        }
    }

    private record Child(Process process, int port) {
        static Child start(Path dir, int graceSeconds) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LockServiceApplication.class.getName(),
                    "--dittofs.lock.store=rocksdb", "--dittofs.lock.rocksdb.path=" + dir.resolve("lock"),
                    "--dittofs.lock.grpc.listen=127.0.0.1:0", "--dittofs.lock.grace-seconds=" + graceSeconds)
                    .redirectErrorStream(true);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = PORT.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                    drain.setDaemon(true);
                    drain.start();
                    return new Child(p, Integer.parseInt(m.group(1)));
                }
            }
            p.destroyForcibly();
            throw new AssertionError("lock-service child ended before listening:\n" + seen);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no store close
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
