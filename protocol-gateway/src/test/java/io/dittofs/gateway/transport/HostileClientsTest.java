package io.dittofs.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.rpc.DuplicateRequestCache;
import io.dittofs.gateway.rpc.RpcDispatcher;
import io.dittofs.gateway.rpc.RpcRegistry;
import io.dittofs.gateway.rpc.TestPrograms;
import io.dittofs.gateway.rpc.TestRpc;
import io.dittofs.gateway.rpc.auth.AuthFlavors;
import io.dittofs.gateway.rpc.server.RpcServer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks of issue 13 against a real RPC server on loopback: a client pipelining calls without
 * reading replies, and slowloris connections that never finish a record. The server's memory stays
 * bounded and well-behaved clients are served meanwhile.
 */
class HostileClientsTest {

    static final int PROGRAM = 100003;
    static final int UNSENT_BUDGET = 64 * 1024;
    static final long BUFFER_BUDGET = 4L << 20;
    static final byte[] NULL_CALL = TestRpc.nullCall(1, PROGRAM, 3);

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final List<Socket> sockets = new ArrayList<>();
    RpcServer server;

    void start(TransportSettings t) {
        server = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(RpcRegistry.of(List.of(TestPrograms.versionEcho(PROGRAM, 3))),
                new DuplicateRequestCache(8), AuthFlavors.standard()), executor,
                new RpcServer.Settings(64 * 1024, false, Duration.ofSeconds(5), t));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
        executor.shutdown();
    }

    Socket connect(String from) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        s.setSoTimeout(10_000);
        return s;
    }

    static long allocatorBytes() {
        var m = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return m.usedDirectMemory() + m.usedHeapMemory();
    }

    @Test
    void pipelinedCallsWhoseRepliesAreNeverReadStayWithinTheBudgetAndOthersAreServed() throws Exception {
        start(new TransportSettings(64, 64, 0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                16, UNSENT_BUDGET, BUFFER_BUDGET));
        long allocatorBefore = allocatorBytes();
        Socket attacker = new Socket();
        sockets.add(attacker);
        attacker.setReceiveBufferSize(8192);
        attacker.connect(new InetSocketAddress("127.0.0.1", server.port()));
        byte[] batch = new byte[1000 * (4 + NULL_CALL.length)];
        for (int i = 0; i < 1000; i++) {
            int at = i * (4 + NULL_CALL.length);
            batch[at] = (byte) 0x80;
            batch[at + 3] = (byte) NULL_CALL.length;
            System.arraycopy(NULL_CALL, 0, batch, at + 4, NULL_CALL.length);
        }
        long cap = 32L << 20;
        AtomicLong sent = new AtomicLong();
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try {
                OutputStream out = attacker.getOutputStream();
                while (sent.get() < cap) {
                    out.write(batch);
                    sent.addAndGet(batch.length);
                }
            } catch (IOException closedByTheTest) {
                // the test closes the socket while this write is blocked
            }
        });

        long maxBuffered = 0;
        long maxAllocator = 0;
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && sent.get() < cap) {
            Thread.sleep(100);
            maxBuffered = Math.max(maxBuffered, server.metrics().bufferedBytes());
            maxAllocator = Math.max(maxAllocator, allocatorBytes() - allocatorBefore);
            if (sent.get() != last) {
                last = sent.get();
                stableSince = System.nanoTime();
            } else if (server.metrics().pausedForUnsentReplies() > 0
                    && System.nanoTime() - stableSince > Duration.ofMillis(1500).toNanos()) {
                // stalled because the server stopped reading it, not merely because the server is slow
                break;
            }
        }
        assertThat(sent.get()).as("the attacker is stalled long before it sent %d bytes", cap).isLessThan(cap);
        assertThat(server.metrics().pausedForUnsentReplies()).isPositive();

        try (Socket good = connect("127.0.0.1")) {
            assertThat(TestRpc.roundTrip(good, TestRpc.nullCall(77, PROGRAM, 3))).containsExactly(77, 1, 0, 0, 0, 0, 3);
        }
        maxBuffered = Math.max(maxBuffered, server.metrics().bufferedBytes());
        maxAllocator = Math.max(maxAllocator, allocatorBytes() - allocatorBefore);
        // one socket read beyond the budget is possible before reading stops
        assertThat(maxBuffered).isLessThanOrEqualTo(BUFFER_BUDGET + 64 * 1024);
        assertThat(maxAllocator).as("pooled buffer memory grown by the attack").isLessThan(16L << 20);

        attacker.close();
        writer.join(10_000);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.metrics().bufferedBytes() != 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(server.metrics().bufferedBytes()).as("every buffered byte is released when the attacker leaves").isZero();
    }

    @Test
    void slowlorisConnectionsDoNotLockOutOtherClients() throws Exception {
        start(new TransportSettings(64, 24, 8, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                16, UNSENT_BUDGET, BUFFER_BUDGET));
        List<Socket> stalled = new ArrayList<>();
        // one address opens far more than its share, each sending one byte of a record mark
        for (int i = 0; i < 60; i++) {
            stalled.add(sendOneByte(connect("127.0.0.3")));
        }
        // many addresses together fill the table up to the reserve
        for (int a = 10; a < 20; a++) {
            for (int i = 0; i < 6; i++) {
                stalled.add(sendOneByte(connect("127.0.0." + a)));
            }
        }
        assertThat(server.metrics().refusedConnections()).isPositive();

        // a new address still gets in (reserve) and is served at once
        try (Socket good = connect("127.0.0.2")) {
            assertThat(TestRpc.roundTrip(good, TestRpc.nullCall(5, PROGRAM, 3))).containsExactly(5, 1, 0, 0, 0, 0, 3);
        }

        // the stalled ones are closed by the first-call timeout, after which even their address is served
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int[] reply = null;
        while (reply == null && System.nanoTime() < until) {
            try (Socket again = connect("127.0.0.3")) {
                reply = TestRpc.roundTrip(again, TestRpc.nullCall(6, PROGRAM, 3));
            } catch (IOException refusedWhileStillFull) {
                Thread.sleep(200);
            }
        }
        assertThat(reply).containsExactly(6, 1, 0, 0, 0, 0, 3);
        assertThat(server.metrics().closedWithoutFrame()).isPositive();
        for (Socket s : stalled) {
            assertThat(readsEof(s)).isTrue();
        }
    }

    @Test
    void aRecordStartedButNotFinishedInTimeClosesTheConnection() throws Exception {
        start(new TransportSettings(16, 16, 0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(1),
                16, UNSENT_BUDGET, BUFFER_BUDGET));
        Socket s = connect("127.0.0.1");
        assertThat(TestRpc.roundTrip(s, TestRpc.nullCall(8, PROGRAM, 3))).containsExactly(8, 1, 0, 0, 0, 0, 3);
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {(byte) 0x80, 0, 0, (byte) NULL_CALL.length});
        out.write(NULL_CALL, 0, 10);
        out.flush();
        assertThat(readsEof(s)).isTrue();
        assertThat(server.metrics().closedSlowFrame()).isEqualTo(1);
    }

    static Socket sendOneByte(Socket s) {
        try {
            s.getOutputStream().write(0x80);
            s.getOutputStream().flush();
        } catch (IOException closedOnAccept) {
            // refused by a cap: the server already closed it
        }
        return s;
    }

    static boolean readsEof(Socket s) {
        try {
            InputStream in = s.getInputStream();
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void theListenersByteBudgetPausesReadingAndResumesWhenCallsFinish() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        io.dittofs.gateway.rpc.RpcProgram slow = new io.dittofs.gateway.rpc.RpcProgram() {
            @Override
            public int program() {
                return PROGRAM;
            }

            @Override
            public int lowVersion() {
                return 3;
            }

            @Override
            public int highVersion() {
                return 3;
            }

            @Override
            public boolean nonIdempotent(int version, int procedure) {
                return false;
            }

            @Override
            public io.dittofs.gateway.rpc.Outcome call(io.dittofs.gateway.rpc.CallContext ctx,
                                                       io.dittofs.gateway.rpc.RpcCall call, io.dittofs.gateway.rpc.XdrWriter out) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.writeInt(call.args().readableBytes());
                return io.dittofs.gateway.rpc.Outcome.SUCCESS;
            }
        };
        long budget = 256 * 1024;
        server = RpcServer.start("127.0.0.1", 0, new RpcDispatcher(RpcRegistry.of(List.of(slow)), new DuplicateRequestCache(8),
                AuthFlavors.standard()), executor, new RpcServer.Settings(64 * 1024, false, Duration.ofSeconds(5),
                new TransportSettings(16, 16, 0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                        32, UNSENT_BUDGET, budget)));
        byte[] call = TestRpc.call(1, PROGRAM, 3, 1, w -> w.writeFixedOpaque(new byte[32 * 1024]));
        List<Socket> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Socket s = connect("127.0.0.1");
            clients.add(s);
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 8; i++) {
                        TestRpc.writeRecord(s, call);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long maxBuffered = 0;
        while (server.metrics().pausedForBudget() == 0 && System.nanoTime() < until) {
            maxBuffered = Math.max(maxBuffered, server.metrics().bufferedBytes());
            Thread.sleep(20);
        }
        Thread.sleep(300);
        maxBuffered = Math.max(maxBuffered, server.metrics().bufferedBytes());
        assertThat(server.metrics().pausedForBudget()).isPositive();
        // each connection may finish the socket read that crossed the limit
        assertThat(maxBuffered).isLessThanOrEqualTo(budget + 4 * 64 * 1024);
        release.countDown();
        for (Socket s : clients) {
            for (int i = 0; i < 8; i++) {
                assertThat(TestRpc.readRecord(s)).containsExactly(1, 1, 0, 0, 0, 0, 32 * 1024);
            }
        }
    }

    @Test
    void aClientThatStopsReadingRepliesIsClosedAfterTheDeadline() throws Exception {
        start(new TransportSettings(16, 16, 0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(1),
                16, UNSENT_BUDGET, BUFFER_BUDGET));
        Socket attacker = new Socket();
        sockets.add(attacker);
        attacker.setReceiveBufferSize(8192);
        attacker.connect(new InetSocketAddress("127.0.0.1", server.port()));
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            byte[] batch = new byte[0];
            try {
                OutputStream out = attacker.getOutputStream();
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < 1000; i++) {
                    b.write(new byte[] {(byte) 0x80, 0, 0, (byte) NULL_CALL.length});
                    b.write(NULL_CALL);
                }
                batch = b.toByteArray();
                for (int i = 0; i < 1000; i++) {
                    out.write(batch);
                }
            } catch (IOException closedByTheServer) {
                // expected once the deadline closes the connection
            }
        });
        // the replies must first fill the kernel's socket buffers (megabytes of 28-byte NULL replies):
        // seconds on a quiet machine, a minute or more on a loaded one, so the wait is generous
        long until = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (server.metrics().closedSlowRead() == 0 && server.metrics().closedSlowFrame() == 0
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(server.metrics().closedSlowFrame()).as("closed as a slow frame, not as a slow reader").isZero();
        assertThat(server.metrics().closedSlowRead()).isEqualTo(1);
        writer.join(10_000);
        assertThat(writer.isAlive()).as("the attacker's blocked write ends with the connection").isFalse();
    }
}
