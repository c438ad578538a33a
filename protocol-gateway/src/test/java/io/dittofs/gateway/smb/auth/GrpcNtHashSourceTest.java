package io.dittofs.gateway.smb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.control.v1.GetNtHashRequest;
import io.dittofs.contracts.control.v1.GetNtHashResponse;
import io.dittofs.contracts.control.v1.IdentityServiceGrpc;
import io.dittofs.contracts.control.v1.User;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IdentityService contract as the SMB logon reads it (the control plane's implementation is
 * tested in control-plane-service): found and enabled gives the hash and ids; unknown, disabled,
 * malformed hashes and an unreachable service give no identity (LOGON_FAILURE), never a guess.
 */
class GrpcNtHashSourceTest {

    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        String name = "identity-" + System.nanoTime();
        server = InProcessServerBuilder.forName(name).addService(new IdentityServiceGrpc.IdentityServiceImplBase() {
            @Override
            public void getNtHash(GetNtHashRequest req, StreamObserver<GetNtHashResponse> out) {
                switch (req.getUser()) {
                    case "alice" -> out.onNext(found("alice", true, NtlmCrypto.ntHash("pw")));
                    case "bob" -> out.onNext(found("bob", false, NtlmCrypto.ntHash("pw")));
                    case "carol" -> out.onNext(found("carol", true, new byte[3]));
                    case "down" -> {
                        out.onError(Status.UNAVAILABLE.asRuntimeException());
                        return;
                    }
                    default -> out.onNext(GetNtHashResponse.newBuilder().setFound(false).build());
                }
                out.onCompleted();
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    private static GetNtHashResponse found(String name, boolean enabled, byte[] hash) {
        return GetNtHashResponse.newBuilder().setFound(true).setNtHash(ByteString.copyFrom(hash))
                .setUser(User.newBuilder().setName(name).setUid(1000).setGid(100).addGids(7).setEnabled(enabled))
                .build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void enabledUserGivesHashAndIds() {
        NtIdentity alice = new GrpcNtHashSource(channel, Duration.ofSeconds(5)).lookup("alice").orElseThrow();
        assertThat(alice.ntHash()).isEqualTo(NtlmCrypto.ntHash("pw"));
        assertThat(alice.uid()).isEqualTo(1000);
        assertThat(alice.gid()).isEqualTo(100);
        assertThat(alice.gids()).containsExactly(7);
    }

    @Test
    void unknownDisabledMalformedAndUnreachableGiveNothing() {
        GrpcNtHashSource source = new GrpcNtHashSource(channel, Duration.ofSeconds(5));
        assertThat(source.lookup("nobody")).isEmpty();
        assertThat(source.lookup("bob")).isEmpty();
        assertThat(source.lookup("carol")).isEmpty();
        assertThat(source.lookup("down")).isEmpty();
    }

    @Test
    void ntHashIsMd4OfUtf16Password() {
        // MS-NLMP 4.2.1 test vector: NTOWFv1("Password")
        assertThat(java.util.HexFormat.of().formatHex(NtlmCrypto.ntHash("Password")))
                .isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
    }
}
