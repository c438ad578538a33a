package io.dittofs.contracts.grpc;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.stub.StreamObserver;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cost of one trivial unary call over loopback from virtual threads, as the gateway makes
 * them: blocking stub from 1 virtual thread, blocking stubs from 8 concurrent virtual threads, and
 * a future stub waited for by 1 virtual thread (how {@code Content.readAhead} calls). Variants run
 * alternating rounds in one JVM so all see the same machine load; client and server share the JVM
 * (and its CPU counter), so "cpu" is both sides of the call. A benchmark, not a test:
 * {@code java -cp contracts/target/test-classes:contracts/target/classes:CP io.dittofs.contracts.grpc.TcpHopBench [CALLS] [ROUNDS] [PORT]}.
 * <ul>
 *   <li>{@code old}: what {@code ServiceChannels}/{@code GrpcServerHost} built before (Netty's
 *   default transport, the channel's default executor, a virtual thread per server task);</li>
 *   <li>{@code olddx}: {@code old} with the client's {@code directExecutor} only;</li>
 *   <li>{@code fixed}: {@code old} with fixed HTTP/2 windows (no BDP ping per read);</li>
 *   <li>{@code nio}: {@code old} forced onto the NIO transport;</li>
 *   <li>{@code tcp}: {@code ServiceChannels.open("HOST:PORT")} + {@code GrpcServerHost.start} as they are now;</li>
 *   <li>{@code unix}: the same over a Unix-domain socket ({@code unix:PATH}).</li>
 * </ul>
 */
public final class TcpHopBench {

    private TcpHopBench() {
    }

    /** Counts server executor tasks, so a round reports hand-offs per call. */
    static final class Counting implements Executor {
        final LongAdder tasks = new LongAdder();
        final Executor next;

        Counting(Executor next) {
            this.next = next;
        }

        @Override
        public void execute(Runnable r) {
            tasks.increment();
            next.execute(r);
        }
    }

    record Variant(String name, ManagedChannel channel, Counting tasks) {
    }

    static final class Svc extends BlockServiceGrpc.BlockServiceImplBase {
        final GetVerifierResponse reply = GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("12345678")).build();

        @Override
        public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
            out.onNext(reply);
            out.onCompleted();
        }
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 32100;
        String only = args.length > 3 ? args[3] : "";
        List<AutoCloseable> closers = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        Svc svc = new Svc();

        // old: the builders as they were (default transport, default client executor)
        Counting oldTasks = new Counting(new VirtualThreadExecutor());
        Server oldServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .initialFlowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES)
                .executor(oldTasks).addService(svc).build().start();
        closers.add(oldServer::shutdownNow);
        variants.add(new Variant("old", NettyChannelBuilder.forTarget("127.0.0.1:" + port).usePlaintext()
                .initialFlowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES)
                .intercept(Deadlines.defaults(), GrpcTelemetry.traceOnly().clientInterceptor()).build(), oldTasks));

        // olddx: old with the client's directExecutor only
        variants.add(new Variant("olddx", NettyChannelBuilder.forTarget("127.0.0.1:" + port).usePlaintext().directExecutor()
                .initialFlowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES)
                .intercept(Deadlines.defaults(), GrpcTelemetry.traceOnly().clientInterceptor()).build(), oldTasks));

        // fixed: old with fixed flow-control windows on both sides (no BDP pings)
        Counting fixedTasks = new Counting(new VirtualThreadExecutor());
        Server fixedServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port + 3))
                .flowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES)
                .executor(fixedTasks).addService(svc).build().start();
        closers.add(fixedServer::shutdownNow);
        variants.add(new Variant("fixed", NettyChannelBuilder.forTarget("127.0.0.1:" + (port + 3)).usePlaintext()
                .flowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(ServiceChannels.MAX_MESSAGE_BYTES)
                .intercept(Deadlines.defaults(), GrpcTelemetry.traceOnly().clientInterceptor()).build(), fixedTasks));

        // nio: the same, forced onto NIO (what the JDK alone gives)
        NioEventLoopGroup nioBoss = new NioEventLoopGroup(1);
        NioEventLoopGroup nioWorkers = new NioEventLoopGroup(2);
        NioEventLoopGroup nioClient = new NioEventLoopGroup(2);
        Counting nioTasks = new Counting(new VirtualThreadExecutor());
        Server nioServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port + 1))
                .channelType(NioServerSocketChannel.class).bossEventLoopGroup(nioBoss).workerEventLoopGroup(nioWorkers)
                .initialFlowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .executor(nioTasks).addService(svc).build().start();
        closers.add(nioServer::shutdownNow);
        variants.add(new Variant("nio", NettyChannelBuilder.forTarget("127.0.0.1:" + (port + 1)).usePlaintext()
                .channelType(NioSocketChannel.class).eventLoopGroup(nioClient)
                .initialFlowControlWindow(ServiceChannels.FLOW_CONTROL_WINDOW)
                .intercept(Deadlines.defaults(), GrpcTelemetry.traceOnly().clientInterceptor()).build(), nioTasks));

        // tcp and unix: the project's builders as they are now
        GrpcServerHost tcp = GrpcServerHost.start("127.0.0.1:" + (port + 2), List.of(svc));
        closers.add(tcp);
        variants.add(new Variant("tcp", ServiceChannels.open("127.0.0.1:" + (port + 2)), null));
        Path dir = Files.createTempDirectory("tcp-hop-bench");
        String unix = ServiceChannels.UNIX_PREFIX + dir.resolve("grpc.sock");
        GrpcServerHost uds = GrpcServerHost.start(unix, List.of(svc));
        closers.add(uds);
        variants.add(new Variant("unix", ServiceChannels.open(unix), null));
        if (!only.isEmpty()) {
            variants.removeIf(v -> !List.of(only.split(",")).contains(v.name()));
        }

        for (int r = 0; r <= rounds; r++) {
            String tag = r == 0 ? "warm-up" : "round " + r;
            for (Variant v : variants) {
                measure(tag, v, "1 vthread", calls, 1, false);
                measure(tag, v, "8 vthreads", calls, 8, false);
                measure(tag, v, "future", calls, 1, true);
            }
        }
        for (Variant v : variants) {
            v.channel().shutdownNow();
        }
        for (AutoCloseable c : closers) {
            c.close();
        }
        nioBoss.shutdownGracefully();
        nioWorkers.shutdownGracefully();
        nioClient.shutdownGracefully();
        Files.deleteIfExists(dir.resolve("grpc.sock"));
        Files.deleteIfExists(dir);
    }

    private static void measure(String tag, Variant v, String shape, int calls, int threads, boolean future) throws Exception {
        var blocking = BlockServiceGrpc.newBlockingStub(v.channel());
        var async = BlockServiceGrpc.newFutureStub(v.channel());
        long tasks0 = v.tasks() == null ? 0 : v.tasks().tasks.sum();
        long cpu0 = processCpu();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < calls / threads; i++) {
                        if (future) {
                            async.getVerifier(GetVerifierRequest.getDefaultInstance()).get();
                        } else {
                            blocking.getVerifier(GetVerifierRequest.getDefaultInstance());
                        }
                    }
                    return null;
                });
            }
        }
        long nanos = System.nanoTime() - t0;
        long cpu = processCpu() - cpu0;
        String perCall = v.tasks() == null ? "" : String.format("  %4.2f server tasks/call", (v.tasks().tasks.sum() - tasks0) / (double) calls);
        System.out.printf("%-8s %-6s %-10s %8.0f calls/s  %7.2f us/call wall  %7.2f us/call cpu%s  load %s%n", tag, v.name(), shape,
                calls / (nanos / 1e9), nanos / 1e3 / calls, cpu / 1e3 / calls, perCall, load());
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
