package io.dittofs.gateway.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.RpcReplies;
import io.dittofs.gateway.rpc.TestPrograms;
import io.dittofs.gateway.rpc.TestRpc;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.transport.TransportSettings;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RPC server over real sockets on loopback: versions side by side, unknown programs, caps, oversize records, UDP. */
class RpcServerTest {

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    RpcServer server;

    RpcServer start(RpcRegistry registry, boolean udp, TransportSettings t) {
        server = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(registry, new DuplicateRequestCache(8), AuthFlavors.standard()),
                executor, new RpcServer.Settings(64 * 1024, udp, Duration.ofSeconds(5), t));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        executor.shutdown();
    }

    @Test
    void twoVersionsOfOneProgramEachAnswerTheirOwnAndAThirdGetsTheRange() throws Exception {
        start(RpcRegistry.of(List.of(TestPrograms.versionEcho(100021, 1), TestPrograms.versionEcho(100021, 4),
                TestPrograms.versionEcho(100021, 3))), false, TransportSettings.defaults(8, 4, Duration.ofMinutes(1)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            for (int v : new int[] {1, 3, 4}) {
                assertThat(TestRpc.roundTrip(s, TestRpc.nullCall(v, 100021, v))).containsExactly(v, 1, 0, 0, 0, 0, v);
            }
            assertThat(TestRpc.roundTrip(s, TestRpc.nullCall(9, 100021, 5)))
                    .containsExactly(9, 1, 0, 0, 0, RpcReplies.PROG_MISMATCH, 1, 4);
            assertThat(TestRpc.roundTrip(s, TestRpc.nullCall(10, 100022, 1)))
                    .containsExactly(10, 1, 0, 0, 0, RpcReplies.PROG_UNAVAIL);
        }
    }

    @Test
    void answersOverTcpAndClosesConnectionsBeyondTheCap() throws Exception {
        start(new RpcRegistry(), false, TransportSettings.defaults(2, 4, Duration.ofMinutes(1)));
        byte[] call = TestRpc.nullCall(7, 1 << 16, 1);
        try (Socket a = new Socket("127.0.0.1", server.port()); Socket b = new Socket("127.0.0.1", server.port())) {
            assertThat(TestRpc.roundTrip(a, call)).containsExactly(7, 1, 0, 0, 0, RpcReplies.PROG_UNAVAIL);
            assertThat(TestRpc.roundTrip(b, call)).containsExactly(7, 1, 0, 0, 0, RpcReplies.PROG_UNAVAIL);
            try (Socket c = new Socket("127.0.0.1", server.port())) {
                c.setSoTimeout(10_000);
                try {
                    TestRpc.roundTrip(c, call);
                    throw new AssertionError("a third connection must be closed");
                } catch (EOFException | java.net.SocketException expected) {
                    // closed on accept
                }
            }
            assertThat(server.metrics().refusedConnections()).isEqualTo(1);
        }
    }

    @Test
    void anOversizedRecordClosesTheConnection() throws Exception {
        start(new RpcRegistry(), false, TransportSettings.defaults(10, 4, Duration.ofMinutes(1)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(0x80000000 | 1_000_000);
            out.write(new byte[2048]);
            out.flush();
            // closed either way: an orderly end of stream, or a reset when the server closed with
            // the rest of the record still unread in its socket (the native epoll transport)
            int next;
            try {
                next = s.getInputStream().read();
            } catch (java.net.SocketException reset) {
                assertThat(reset).hasMessageContaining("reset");
                next = -1;
            }
            assertThat(next).isEqualTo(-1);
        }
    }

    @Test
    void udpAnswersEachVersionAndRefusesAWrongRpcVersion() throws Exception {
        start(RpcRegistry.of(List.of(TestPrograms.versionEcho(100005, 3))), true,
                TransportSettings.defaults(10, 4, Duration.ofMinutes(1)));
        try (DatagramSocket udp = new DatagramSocket()) {
            udp.setSoTimeout(10_000);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.port());
            assertThat(udpCall(udp, to, TestRpc.nullCall(3, 100005, 3))).containsExactly(3, 1, 0, 0, 0, 0, 3);
            byte[] badVersion = TestRpc.nullCall(4, 100005, 3);
            badVersion[11] = 3;
            assertThat(udpCall(udp, to, badVersion)).containsExactly(4, 1, 1, 0, 2, 2);
        }
    }

    static int[] udpCall(DatagramSocket udp, InetSocketAddress to, byte[] call) throws Exception {
        udp.send(new DatagramPacket(call, call.length, to));
        DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
        udp.receive(p);
        ByteBuffer b = ByteBuffer.wrap(p.getData(), 0, p.getLength());
        int[] w = new int[p.getLength() / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = b.getInt();
        }
        return w;
    }
}
