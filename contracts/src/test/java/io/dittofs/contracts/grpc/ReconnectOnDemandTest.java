package io.dittofs.contracts.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that starts after its client, or restarts, is used by the very next call: the channel
 * does not sit out gRPC's connect backoff (which by then is several seconds and grows to two
 * minutes) failing calls at a service that is up. The gateway's MNT answered SERVERFAULT this way
 * in CI when the metadata-service started slowly.
 */
class ReconnectOnDemandTest {

    @TempDir
    Path tmp;

    /** A test against a channel to a socket where nothing listens yet. */
    private interface Body {
        void run(Path sock, ManagedChannel ch, BlockServiceGrpc.BlockServiceBlockingStub stub) throws Exception;
    }

    private void withChannelToNothing(String name, Body body) throws Exception {
        Path sock = tmp.resolve(name);
        ManagedChannel ch = ServiceChannels.open("unix:" + sock);
        try {
            body.run(sock, ch, BlockServiceGrpc.newBlockingStub(ch));
        } finally {
            ch.shutdownNow();
        }
    }

    /** Starts the service on {@code sock} and makes one call: it must be served. */
    private static void servedOnceUp(Path sock, BlockServiceGrpc.BlockServiceBlockingStub stub) {
        try (GrpcServerHost host = GrpcServerHost.start("unix:" + sock, List.of(new SocketChannelsTest.Service()))) {
            assertThat(stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier().size()).isEqualTo(8);
        }
    }

    @Test
    void theFirstCallAfterTheServiceComesUpIsServedDespiteAGrownBackoff() throws Exception {
        withChannelToNothing("late.sock", (sock, ch, stub) -> {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0))
                    .as("a service that is down fails the call within the reconnect wait, not at the deadline")
                    .isLessThan(5_000);
            // left alone, the channel retries at about 1, 2.6, 5.2 and 9.3 s: the backoff before
            // the next attempt is over 3 s when the service comes up at 7 s
            Thread.sleep(7_000);
            assertThat(ch.getState(false)).isEqualTo(ConnectivityState.TRANSIENT_FAILURE);
            servedOnceUp(sock, stub);
        });
    }

    /** The CI race: a call right after an attempt that was refused must still try the service again. */
    @Test
    void aCallJustAfterARefusedAttemptStillReachesAServiceThatCameUp() throws Exception {
        withChannelToNothing("race.sock", (sock, ch, stub) -> {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> stub.getVerifier(GetVerifierRequest.getDefaultInstance()))
                        .isInstanceOf(StatusRuntimeException.class);
            }
            servedOnceUp(sock, stub);
        });
    }
}
