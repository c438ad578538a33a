package io.dittofs.gateway.rpc.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.RpcReply;
import io.dittofs.gateway.rpc.TestPrograms;
import io.dittofs.gateway.rpc.TestRpc;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.rpc.server.RpcServer;
import io.dittofs.gateway.transport.TransportSettings;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server calling clients: back on the connection the client opened (REPLY routed by xid to the
 * waiting future), and on a new connection through the connector.
 */
class CallbackTest {

    static final int SERVICE = 400100;
    static final int CALLBACK = 400200;

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final List<RpcServer> servers = new ArrayList<>();

    /** proc 1: calls the client back with its argument and answers the callback's result + 1 (or -1 when none came). */
    final RpcProgram callsBack = new RpcProgram() {
        @Override
        public int program() {
            return SERVICE;
        }

        @Override
        public int lowVersion() {
            return 1;
        }

        @Override
        public int highVersion() {
            return 1;
        }

        @Override
        public boolean nonIdempotent(int version, int procedure) {
            return false;
        }

        @Override
        public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
            try {
                int arg = new XdrReader(call.args()).readInt();
                RpcReply r = ctx.callbackClient().orElseThrow()
                        .call(CALLBACK, 1, 7, new Credential.Sys(1, "server", 0, 0, List.of()), w -> w.writeInt(arg))
                        .get(10, TimeUnit.SECONDS);
                out.writeInt(new XdrReader(Unpooled.wrappedBuffer(r.results())).readInt() + 1);
            } catch (ExecutionException e) {
                out.writeInt(-1);
            } catch (XdrException e) {
                return Outcome.GARBAGE_ARGS;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Outcome.SUCCESS;
        }
    };

    RpcServer start(RpcProgram p, Duration callbackTimeout) {
        RpcServer s = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(RpcRegistry.of(List.of(p)), new DuplicateRequestCache(8),
                AuthFlavors.standard()), executor, new RpcServer.Settings(64 * 1024, false, callbackTimeout,
                TransportSettings.defaults(16, 8, Duration.ofMinutes(1))));
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        servers.forEach(RpcServer::close);
        executor.shutdown();
    }

    @Test
    void aReplyOnTheSameConnectionCompletesTheServersWaitingCall() throws Exception {
        RpcServer server = start(callsBack, Duration.ofSeconds(10));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            TestRpc.writeRecord(s, TestRpc.call(11, SERVICE, 1, 1, w -> w.writeInt(41)));
            int[] callback = TestRpc.readRecord(s);
            // xid, CALL, rpcvers 2, program, version, procedure, AUTH_SYS credential ..., argument last
            assertThat(callback[1]).isZero();
            assertThat(callback[2]).isEqualTo(2);
            assertThat(new int[] {callback[3], callback[4], callback[5], callback[6]}).containsExactly(CALLBACK, 1, 7, 1);
            assertThat(callback[callback.length - 1]).isEqualTo(41);
            TestRpc.writeRecord(s, TestRpc.successReply(callback[0], w -> w.writeInt(82)));
            assertThat(TestRpc.readRecord(s)).containsExactly(11, 1, 0, 0, 0, 0, 83);
        }
    }

    @Test
    void anUnansweredCallbackTimesOutAndAStrayReplyIsIgnored() throws Exception {
        RpcServer server = start(callsBack, Duration.ofMillis(300));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            TestRpc.writeRecord(s, TestRpc.successReply(12345, w -> w.writeInt(1)));
            TestRpc.writeRecord(s, TestRpc.call(12, SERVICE, 1, 1, w -> w.writeInt(5)));
            int[] callback = TestRpc.readRecord(s);
            assertThat(callback[3]).isEqualTo(CALLBACK);
            assertThat(TestRpc.readRecord(s)).containsExactly(12, 1, 0, 0, 0, 0, -1);
        }
    }

    @Test
    void theConnectorCallsAServiceOnANewConnection() throws Exception {
        RpcServer clientService = start(TestPrograms.versionEcho(CALLBACK, 4), Duration.ofSeconds(5));
        RpcServer server = start(callsBack, Duration.ofSeconds(5));
        ChannelRpcClient c = server.connector()
                .connect(new InetSocketAddress("127.0.0.1", clientService.port())).get(10, TimeUnit.SECONDS);
        RpcReply r = c.call(CALLBACK, 4, 5, new Credential.None(), w -> { }).get(10, TimeUnit.SECONDS);
        assertThat(r.status().success()).isTrue();
        assertThat(new XdrReader(Unpooled.wrappedBuffer(r.results())).readInt()).isEqualTo(4);
        RpcReply mismatch = c.call(CALLBACK, 9, 0, new Credential.None(), w -> { }).get(10, TimeUnit.SECONDS);
        assertThat(mismatch.status().success()).isFalse();
        assertThat(mismatch.status().low()).isEqualTo(4);
        c.channel().close().sync();
        assertThatThrownBy(() -> c.call(CALLBACK, 4, 0, new Credential.None(), w -> { }).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.nio.channels.ClosedChannelException.class);
    }

    @Test
    void connectingToAClosedPortFails() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (RpcConnector connector = RpcConnector.standalone(64 * 1024, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connector.connect(new InetSocketAddress("127.0.0.1", port)).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
