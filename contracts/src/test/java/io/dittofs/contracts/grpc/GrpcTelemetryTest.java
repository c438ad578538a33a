package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.ByteString;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.GetVerifierResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Trace ids, call timers and slow-call lines across a real gRPC hop, in-process and over TCP. */
class GrpcTelemetryTest {

    private static final String SERVICE_LOGGER = "test.verifier-service";

    /** Logs one line per call (what a service does), remembers the MDC it saw; fails or dawdles on request. */
    static final class VerifierService extends BlockServiceGrpc.BlockServiceImplBase {
        final AtomicReference<String> seenTrace = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile long sleepMillis;
        volatile Status failWith;

        @Override
        public void getVerifier(GetVerifierRequest request, StreamObserver<GetVerifierResponse> out) {
            calls.incrementAndGet();
            seenTrace.set(MDC.get(TraceIds.MDC_KEY));
            LoggerFactory.getLogger(SERVICE_LOGGER).info("verifier asked");
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failWith != null) {
                out.onError(failWith.asRuntimeException());
                return;
            }
            out.onNext(GetVerifierResponse.newBuilder().setVerifier(ByteString.copyFromUtf8("12345678")).build());
            out.onCompleted();
        }
    }

    private final ListAppender<ILoggingEvent> serviceLog = new ListAppender<>();
    private final ListAppender<ILoggingEvent> slowLog = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        attach(SERVICE_LOGGER, serviceLog);
        attach(SlowCalls.LOGGER, slowLog);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(SERVICE_LOGGER)).detachAppender(serviceLog);
        ((Logger) LoggerFactory.getLogger(SlowCalls.LOGGER)).detachAppender(slowLog);
        MDC.clear();
    }

    private static void attach(String name, ListAppender<ILoggingEvent> appender) {
        Logger l = (Logger) LoggerFactory.getLogger(name);
        l.setLevel(Level.INFO);
        appender.start();
        l.addAppender(appender);
    }

    private static String listen(String transport, String name) {
        return transport.equals("tcp") ? "127.0.0.1:0" : "in-process:" + name;
    }

    private static String target(String transport, String name, GrpcServerHost host) {
        return transport.equals("tcp") ? "127.0.0.1:" + host.port() : "in-process:" + name;
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "tcp"})
    void theServiceLogsWithTheTraceIdTheCallerHadAndBothSidesAreTimed(String transport) {
        VerifierService svc = new VerifierService();
        SimpleMeterRegistry serverMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry clientMeters = new SimpleMeterRegistry();
        String name = "telemetry-" + transport;
        try (GrpcServerHost host = GrpcServerHost.start(listen(transport, name), List.of(svc),
                GrpcTelemetry.of(serverMeters, SlowCalls.OFF))) {
            ManagedChannel ch = ServiceChannels.open(target(transport, name, host),
                    GrpcTelemetry.of(clientMeters, SlowCalls.OFF));
            try {
                MDC.put(TraceIds.MDC_KEY, "c1f-8a3b2c01");
                BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
                MDC.remove(TraceIds.MDC_KEY);
                BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
            } finally {
                ch.shutdownNow();
            }
        }
        assertThat(svc.calls).hasValue(2);
        assertThat(serviceLog.list).hasSize(2);
        assertThat(serviceLog.list.get(0).getMDCPropertyMap()).containsEntry(TraceIds.MDC_KEY, "c1f-8a3b2c01");
        assertThat(serviceLog.list.get(1).getMDCPropertyMap()).as("no id sent, none logged")
                .doesNotContainKey(TraceIds.MDC_KEY);
        for (var side : List.of(new Object[] {serverMeters, CallMeters.SERVER_CALLS, CallMeters.SERVER_INFLIGHT},
                new Object[] {clientMeters, CallMeters.CLIENT_CALLS, CallMeters.CLIENT_INFLIGHT})) {
            SimpleMeterRegistry r = (SimpleMeterRegistry) side[0];
            var timer = r.get((String) side[1]).tags("service", "BlockService", "method", "GetVerifier", "status", "OK").timer();
            assertThat(timer.count()).as((String) side[1]).isEqualTo(2);
            assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(r.get((String) side[2]).tags("service", "BlockService").gauge().value()).isZero();
        }
    }

    @Test
    void aCallUnderTheThresholdLogsNothing() {
        VerifierService svc = new VerifierService();
        // no call on any machine takes an hour: the line must not come
        try (GrpcServerHost host = GrpcServerHost.start("in-process:telemetry-fast", List.of(svc),
                GrpcTelemetry.of(null, new SlowCalls(Duration.ofHours(1))))) {
            ManagedChannel ch = ServiceChannels.open("in-process:telemetry-fast");
            try {
                BlockServiceGrpc.newBlockingStub(ch).getVerifier(GetVerifierRequest.getDefaultInstance());
            } finally {
                ch.shutdownNow();
            }
        }
        assertThat(svc.calls).hasValue(1);
        assertThat(slowLog.list).isEmpty();
    }

    @Test
    void failuresAreTimedUnderTheirStatusAndSlowCallsLogOneWarnLine() {
        VerifierService svc = new VerifierService();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // the slow call sleeps well past the threshold, so it is over it however busy the machine is
        try (GrpcServerHost host = GrpcServerHost.start("in-process:telemetry-slow", List.of(svc),
                GrpcTelemetry.of(meters, new SlowCalls(Duration.ofMillis(5))))) {
            ManagedChannel ch = ServiceChannels.open("in-process:telemetry-slow");
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                stub.getVerifier(GetVerifierRequest.getDefaultInstance());
                slowLog.list.clear();

                svc.sleepMillis = 60;
                svc.failWith = Status.NOT_FOUND;
                MDC.put(TraceIds.MDC_KEY, "slow-1");
                assertThatThrownBy(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance()))
                        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("NOT_FOUND");
            } finally {
                ch.shutdownNow();
            }
        }
        assertThat(meters.get(CallMeters.SERVER_CALLS).tags("status", "NOT_FOUND").timer().count()).isEqualTo(1);
        assertThat(meters.get(CallMeters.SERVER_CALLS).tags("status", "OK").timer().count()).isEqualTo(1);
        assertThat(slowLog.list).hasSize(1);
        ILoggingEvent line = slowLog.list.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getFormattedMessage()).startsWith("slow service call BlockService/GetVerifier took ")
                .contains("status NOT_FOUND", "trace slow-1");
        assertThat(line.getMDCPropertyMap()).containsEntry(TraceIds.MDC_KEY, "slow-1");
    }

    @Test
    void headerValuesThatAreNotOurIdsAreDropped() {
        assertThat(TraceIds.accept("c1f-8a3b2c01")).isEqualTo("c1f-8a3b2c01");
        assertThat(TraceIds.accept("smb:4.17")).isEqualTo("smb:4.17");
        assertThat(TraceIds.accept("a b")).isNull();
        assertThat(TraceIds.accept("x\"}{")).isNull();
        assertThat(TraceIds.accept("")).isNull();
        assertThat(TraceIds.accept("a".repeat(TraceIds.MAX_LENGTH + 1))).isNull();
        assertThat(TraceIds.accept(null)).isNull();
    }

    @Test
    void aScopeRestoresThePreviousId() {
        try (TraceIds.Scope outer = TraceIds.open("outer")) {
            try (TraceIds.Scope inner = TraceIds.open("inner")) {
                assertThat(TraceIds.current()).isEqualTo("inner");
            }
            assertThat(TraceIds.current()).isEqualTo("outer");
        }
        assertThat(TraceIds.current()).isNull();
        assertThatThrownBy(() -> new SlowCalls(Duration.ofMillis(-1))).hasMessageContaining(SlowCalls.PROPERTY);
    }
}
