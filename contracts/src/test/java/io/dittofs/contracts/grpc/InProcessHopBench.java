package io.dittofs.contracts.grpc;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost of one in-process unary call from a virtual thread to a trivial service: the in-process
 * transport (as every call went before {@link DirectChannel}) against the direct call, alternating
 * rounds in one JVM so both see the same machine load. A benchmark, not a test:
 * {@code java -cp contracts/target/test-classes:contracts/target/classes:CP io.dittofs.contracts.grpc.InProcessHopBench [CALLS] [ROUNDS]}.
 */
public final class InProcessHopBench {

    private InProcessHopBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var svc = new BlockServiceGrpc.BlockServiceImplBase() {
            final GetVerifierResponse reply = GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("12345678")).build();

            @Override
            public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
                out.onNext(reply);
                out.onCompleted();
            }
        };
        try (GrpcServerHost host = GrpcServerHost.start("in-process:hop-bench", List.of(svc))) {
            ManagedChannel direct = ServiceChannels.open("in-process:hop-bench");
            // what ServiceChannels.open built before DirectChannel
            ManagedChannel transport = InProcessChannelBuilder.forName("hop-bench").directExecutor()
                    .intercept(Deadlines.inProcess(), GrpcTelemetry.traceOnly().clientInterceptor()).build();
            for (int r = 0; r <= rounds; r++) {
                String tag = r == 0 ? "warm-up" : "round " + r;
                for (var c : List.of(new Object[] {"transport", transport}, new Object[] {"direct", direct})) {
                    var stub = BlockServiceGrpc.newBlockingStub((ManagedChannel) c[1]);
                    AtomicLong nanos = new AtomicLong();
                    AtomicLong cpu = new AtomicLong();
                    Thread.ofVirtual().start(() -> {
                        long cpu0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
                        long t0 = System.nanoTime();
                        for (int i = 0; i < calls; i++) {
                            stub.getVerifier(GetVerifierRequest.getDefaultInstance());
                        }
                        nanos.set(System.nanoTime() - t0);
                        long cpu1 = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
                        cpu.set(cpu1 - cpu0);
                    }).join();
                    System.out.printf("%s %-9s %8.0f calls/s  %6.2f us/call wall  %6.2f us/call process cpu%n", tag, c[0],
                            calls / (nanos.get() / 1e9), nanos.get() / 1e3 / calls, cpu.get() / 1e3 / calls);
                }
            }
            direct.shutdownNow();
            transport.shutdownNow();
        }
    }
}
