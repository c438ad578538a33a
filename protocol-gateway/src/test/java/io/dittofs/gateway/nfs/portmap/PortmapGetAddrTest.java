package io.dittofs.gateway.nfs.portmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.TestPrograms;
import io.dittofs.gateway.rpc.TestRpc;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.rpc.server.RpcServer;
import io.dittofs.gateway.transport.TransportSettings;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portmapper advertises what the registry answers, at the address the client connected to:
 * the server binds the wildcard address and the client reaches it through 127.0.0.2.
 */
class PortmapGetAddrTest {

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicInteger port = new AtomicInteger();
    RpcServer server;

    @BeforeEach
    void start() {
        RpcRegistry registry = new RpcRegistry();
        registry.register(new PortmapProgram(registry, port::get, "127.0.0.1", false))
                .register(TestPrograms.versionEcho(100003, 3)).register(TestPrograms.versionEcho(100003, 4));
        server = RpcServer.start("0.0.0.0", 0, new RpcDispatcher(registry, new DuplicateRequestCache(8), AuthFlavors.standard()),
                executor, new RpcServer.Settings(64 * 1024, false, Duration.ofSeconds(5),
                        TransportSettings.defaults(8, 8, Duration.ofMinutes(1))));
        port.set(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdown();
    }

    static byte[] rpcb(int version, int proc, int program, int progVersion, String netid) {
        return TestRpc.call(1, PortmapProgram.PROGRAM, version, proc, w -> w.writeInt(program).writeInt(progVersion)
                .writeString(netid).writeString("").writeString(""));
    }

    static String string(int[] reply, int at) {
        ByteBuffer b = ByteBuffer.allocate((reply.length - at) * 4);
        for (int i = at; i < reply.length; i++) {
            b.putInt(reply[i]);
        }
        b.flip();
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.US_ASCII);
    }

    @Test
    void getaddrAnswersTheAddressTheClientConnectedTo() throws Exception {
        try (Socket s = new Socket("127.0.0.2", server.port())) {
            s.setSoTimeout(10_000);
            String expected = "127.0.0.2." + (server.port() >> 8) + "." + (server.port() & 0xff);
            for (int v : new int[] {3, 4}) {
                int[] reply = TestRpc.roundTrip(s, rpcb(v, 3, 100003, 4, "tcp"));
                assertThat(reply[5]).isZero();
                assertThat(string(reply, 6)).isEqualTo(expected);
            }
            assertThat(string(TestRpc.roundTrip(s, rpcb(4, 3, 100003, 5, "tcp")), 6)).isEmpty();
            assertThat(string(TestRpc.roundTrip(s, rpcb(4, 3, 100003, 3, "udp")), 6)).as("UDP is off").isEmpty();
        }
    }

    @Test
    void getportAndDumpListExactlyTheRegisteredVersions() throws Exception {
        try (Socket s = new Socket("127.0.0.2", server.port())) {
            s.setSoTimeout(10_000);
            int[] four = TestRpc.roundTrip(s, TestRpc.call(2, PortmapProgram.PROGRAM, 2, 3,
                    w -> w.writeInt(100003).writeInt(4).writeInt(PortmapProgram.IPPROTO_TCP).writeInt(0)));
            assertThat(four[6]).isEqualTo(server.port());
            int[] two = TestRpc.roundTrip(s, TestRpc.call(3, PortmapProgram.PROGRAM, 2, 3,
                    w -> w.writeInt(100003).writeInt(2).writeInt(PortmapProgram.IPPROTO_TCP).writeInt(0)));
            assertThat(two[6]).isZero();
            int[] dump = TestRpc.roundTrip(s, TestRpc.call(4, PortmapProgram.PROGRAM, 2, 4, w -> { }));
            List<List<Integer>> entries = new ArrayList<>();
            int i = 6;
            while (dump[i] == 1) {
                entries.add(List.of(dump[i + 1], dump[i + 2], dump[i + 3], dump[i + 4]));
                i += 5;
            }
            int p = server.port();
            assertThat(entries).containsExactly(List.of(100000, 2, 6, p), List.of(100000, 3, 6, p), List.of(100000, 4, 6, p),
                    List.of(100003, 3, 6, p), List.of(100003, 4, 6, p));
        }
    }
}
