package io.dittofs.gateway.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The Netty listener: real sockets on loopback, an unknown program, the connection cap, oversize records. */
class RpcServerTest {

    static final byte[] NULL_CALL_TO_UNKNOWN_PROGRAM = {
        0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    static int[] call(Socket s) throws Exception {
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(0x80000000 | NULL_CALL_TO_UNKNOWN_PROGRAM.length);
        out.write(NULL_CALL_TO_UNKNOWN_PROGRAM);
        out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        int len = in.readInt() & 0x7fffffff;
        int[] words = new int[len / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readInt();
        }
        return words;
    }

    @Test
    void answersOverTcpAndClosesConnectionsBeyondTheCap() throws Exception {
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        RpcServer server = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(List.of(), new DuplicateRequestCache(8)), ex,
                new RpcServer.Settings(64 * 1024, 4, Duration.ofMinutes(1), false, 2));
        try (Socket a = new Socket("127.0.0.1", server.port()); Socket b = new Socket("127.0.0.1", server.port())) {
            assertThat(call(a)).containsExactly(7, 1, 0, 0, 0, RpcReplies.PROG_UNAVAIL);
            assertThat(call(b)).containsExactly(7, 1, 0, 0, 0, RpcReplies.PROG_UNAVAIL);
            try (Socket c = new Socket("127.0.0.1", server.port())) {
                c.setSoTimeout(10_000);
                try {
                    call(c);
                    throw new AssertionError("a third connection must be closed");
                } catch (EOFException | java.net.SocketException expected) {
                    // closed on accept
                }
            }
        } finally {
            server.close();
            ex.shutdown();
        }
    }

    @Test
    void anOversizedRecordClosesTheConnection() throws Exception {
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        RpcServer server = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(List.of(), new DuplicateRequestCache(8)), ex,
                new RpcServer.Settings(1024, 4, Duration.ofMinutes(1), false, 10));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(0x80000000 | 1_000_000);
            out.write(new byte[2048]);
            out.flush();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        } finally {
            server.close();
            ex.shutdown();
        }
    }
}
