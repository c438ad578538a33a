package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.NegotiateContext;
import io.dittofs.gateway.smb.wire.NegotiateRequest;
import io.dittofs.gateway.smb.wire.NegotiateResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb1Negotiate;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.Smb2Frame;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import io.dittofs.gateway.smb.wire.WireSamples;
import io.dittofs.gateway.transport.TransportSettings;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMB server over a real socket: SMB1 upgrade, NEGOTIATE with contexts, compounded ECHO, protocol violations. */
class SmbServerTest {

    private SmbServer server;

    private SmbServer start(boolean signingRequired) {
        byte[] guid = new byte[16];
        guid[0] = 0x42;
        var shares = shares();
        server = SmbServer.start("127.0.0.1", 0, settings(guid, signingRequired),
                new io.dittofs.gateway.smb.auth.StaticNtHashSource(), shares, gate(shares), Runnable::run);
        return server;
    }

    static SmbServerSettings settings(byte[] guid, boolean signingRequired) {
        return new SmbServerSettings(1 << 20, 16, 1 << 20, 512, guid, signingRequired, "DITTOFS", "WORKGROUP",
                false, true, 16, TransportSettings.defaults(16, 16, Duration.ofSeconds(30)));
    }

    static io.dittofs.gateway.share.ShareRegistry shares() {
        return new io.dittofs.gateway.share.StaticShareRegistry(List.of(
                new io.dittofs.gateway.share.Share("export", "/export", false, io.dittofs.gateway.share.Squash.NONE,
                        65534, 65534, List.of()),
                new io.dittofs.gateway.share.Share("ro", "/ro", true, io.dittofs.gateway.share.Squash.NONE,
                        65534, 65534, List.of())));
    }

    static io.dittofs.gateway.access.ShareGate gate(io.dittofs.gateway.share.ShareRegistry shares) {
        return new io.dittofs.gateway.access.ShareGate(new io.dittofs.gateway.share.ShareIds(shares, name -> 1L),
                io.dittofs.gateway.share.ShareProtocol.SMB);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void smb1NegotiateIsUpgradedThenSmb311IsNegotiatedWithContexts() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            c.send(new Smb1Negotiate(List.of("NT LM 0.12", "SMB 2.002", "SMB 2.???")).encode());
            Smb2Packet wildcard = c.receiveOne();
            assertThat(wildcard.header().response()).isTrue();
            assertThat(wildcard.header().messageId()).isZero();
            assertThat(NegotiateResponse.decode(wildcard.body()).dialect()).isEqualTo(Dialect.WILDCARD);

            c.send(WireSamples.negotiateRequest(WireSamples.negotiate311Body(), 1));
            Smb2Packet p = c.receiveOne();
            assertThat(p.header().status()).isEqualTo(NtStatus.SUCCESS);
            NegotiateResponse r = NegotiateResponse.decode(p.body());
            assertThat(r.dialect()).isEqualTo(Dialect.SMB_3_1_1);
            assertThat(r.serverGuid()[0]).isEqualTo((byte) 0x42);
            assertThat(r.securityMode() & NegotiateResponse.SIGNING_REQUIRED).isZero();
            assertThat(r.securityBuffer()[0]).isEqualTo((byte) 0x60);
            assertThat(r.contexts()).hasSize(3);
            NegotiateContext.PreauthIntegrity pre = (NegotiateContext.PreauthIntegrity) r.contexts().get(0);
            assertThat(pre.hashAlgorithms()).containsExactly(NegotiateContext.HASH_SHA512);
            assertThat(pre.salt()).hasSize(32);
            // the client prefers AES-256-GCM first; the server's own order picks AES-128-GCM among them,
            // and AES-GMAC for signing
            assertThat(r.contexts()).contains(new NegotiateContext.Encryption(List.of(2)),
                    new NegotiateContext.Signing(List.of(2)));
        }
    }

    @Test
    void olderDialectsAreChosenHighestFirstAndSigningRequiredIsAnnounced() throws Exception {
        start(true);
        try (Client c = new Client(server.port())) {
            c.send(WireSamples.negotiateRequest(new NegotiateRequest(1, 0, new byte[16],
                    List.of(Dialect.SMB_2_0_2, Dialect.SMB_3_0_2, Dialect.SMB_2_1), List.of())));
            NegotiateResponse r = NegotiateResponse.decode(c.receiveOne().body());
            assertThat(r.dialect()).isEqualTo(Dialect.SMB_3_0_2);
            assertThat(r.contexts()).isEmpty();
            assertThat(r.securityMode() & NegotiateResponse.SIGNING_REQUIRED).isNotZero();
        }
    }

    @Test
    void smb311WithoutPreauthContextIsInvalid() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            c.send(WireSamples.negotiateRequest(new NegotiateRequest(1, 0, new byte[16], List.of(Dialect.SMB_3_1_1),
                    List.of(new NegotiateContext.Encryption(List.of(1))))));
            assertThat(c.receiveOne().header().status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        }
    }

    @Test
    void noCommonDialectIsNotSupported() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            c.send(WireSamples.negotiateRequest(new NegotiateRequest(1, 0, new byte[16], List.of(0x0400), List.of())));
            assertThat(c.receiveOne().header().status()).isEqualTo(NtStatus.NOT_SUPPORTED);
        }
    }

    @Test
    void compoundedEchoesAreAnsweredInOneFrameInOrder() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c);
            c.send(WireSamples.echoCompound(3));
            List<Smb2Packet> replies = c.receive();
            assertThat(replies).extracting(p -> p.header().messageId()).containsExactly(10L, 11L, 12L);
            assertThat(replies).allSatisfy(p -> {
                assertThat(p.header().status()).isEqualTo(NtStatus.SUCCESS);
                assertThat(p.header().credits()).isEqualTo(1);
            });
            assertThat(replies.get(1).header().related()).isTrue();
        }
    }

    @Test
    void everyCommandIsTimedByCommandAndNtStatusAndBytesAreCounted() throws Exception {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var shares = shares();
        server = SmbServer.start("127.0.0.1", 0, settings(new byte[16], false),
                new io.dittofs.gateway.smb.auth.StaticNtHashSource(), shares, gate(shares), Runnable::run,
                new io.dittofs.gateway.metrics.GatewayMetrics(meters, io.dittofs.contracts.grpc.SlowCalls.OFF).smb2());
        try (Client c = new Client(server.port())) {
            negotiate(c);
            c.send(WireSamples.echoCompound(3));
            c.receive();
            c.send(header(0x99, 5));
            c.receiveOne();
            c.send(header(Smb2Command.TREE_CONNECT.code(), 6));
            c.receiveOne();
        }
        java.util.function.BiFunction<String, String, Long> count = (op, status) -> {
            var t = meters.find(io.dittofs.gateway.metrics.ProtocolOps.OPERATIONS)
                    .tags("protocol", "smb2", "op", op, "status", status).timer();
            return t == null ? 0 : t.count();
        };
        assertThat(count.apply("NEGOTIATE", "SUCCESS")).isEqualTo(1);
        assertThat(count.apply("ECHO", "SUCCESS")).isEqualTo(3);
        assertThat(count.apply("OTHER", "INVALID_PARAMETER")).isEqualTo(1);
        assertThat(count.apply("TREE_CONNECT", "USER_SESSION_DELETED")).isEqualTo(1);
        assertThat(meters.get(io.dittofs.gateway.metrics.ProtocolOps.BYTES).tags("protocol", "smb2", "direction", "out")
                .counter().count()).isPositive();
        assertThat(meters.get(io.dittofs.gateway.metrics.ProtocolOps.INFLIGHT).tags("protocol", "smb2").gauge().value())
                .isZero();
    }

    @Test
    void unknownCommandIsInvalidAndCommandsWithoutSessionAreRefused() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c);
            c.send(header(0x99, 5));
            assertThat(c.receiveOne().header().status()).isEqualTo(NtStatus.INVALID_PARAMETER);
            c.send(header(Smb2Command.TREE_CONNECT.code(), 6));
            assertThat(c.receiveOne().header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
        }
    }

    @Test
    void commandBeforeNegotiateClosesTheConnection() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            c.send(WireSamples.echo(1, 0));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void messageIdsOutsideTheCreditWindowCloseTheConnection() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c); // 64 credits: ids 1..64
            c.send(WireSamples.echo(64, 0));
            assertThat(c.receiveOne().header().credits()).isEqualTo(1);
            c.send(WireSamples.echo(64, 0));
            assertThat(c.closedByServer()).as("a replayed message id").isTrue();
        }
        try (Client c = new Client(server.port())) {
            negotiate(c);
            c.send(WireSamples.echo(66, 0));
            assertThat(c.closedByServer()).as("an id beyond the grant").isTrue();
        }
    }

    @Test
    void creditChargeMustCoverALargeRead() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c);
            // a READ of 1 MiB charged one credit: refused before any session check
            SmbWriter w = new SmbWriter(128);
            new Smb2Header(1, 0, Smb2Command.READ.code(), 1, 0, 0, 1, 0, 0, 0, 0, null).encode(w);
            w.u16(49).u8(0).u8(0).i32(1 << 20).i64(0).i64(0).i64(0).i32(0).i32(0).i32(0).u16(0).u16(0).u8(0);
            c.send(w.toByteArray());
            assertThat(c.receiveOne().header().status()).isEqualTo(NtStatus.INVALID_PARAMETER);
            // charged 16 credits it passes the credit check (and meets the missing session)
            SmbWriter ok = new SmbWriter(128);
            new Smb2Header(16, 0, Smb2Command.READ.code(), 16, 0, 0, 2, 0, 0, 0, 0, null).encode(ok);
            ok.u16(49).u8(0).u8(0).i32(1 << 20).i64(0).i64(0).i64(0).i32(0).i32(0).i32(0).u16(0).u16(0).u8(0);
            c.send(ok.toByteArray());
            Smb2Packet p = c.receiveOne();
            assertThat(p.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
            assertThat(p.header().credits()).isEqualTo(16);
        }
    }

    private static byte[] treeDisconnect(long messageId, boolean related) {
        SmbWriter w = new SmbWriter(80);
        new Smb2Header(1, 0, Smb2Command.TREE_DISCONNECT.code(), 1, related ? Smb2Header.FLAGS_RELATED_OPERATIONS : 0, 0,
                messageId, 0, related ? -1 : 0, 0, related ? -1L : 0, null).encode(w);
        return w.u16(4).u16(0).toByteArray();
    }

    @Test
    void relatedChainsInheritFailuresAsInvalidParameter() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c);
            // a chain that starts related is invalid, and so is what it would pass on
            c.send(Smb2Frame.join(List.of(treeDisconnect(1, true), treeDisconnect(2, true), treeDisconnect(3, false))));
            assertThat(c.receive()).extracting(p -> p.header().status()).containsExactly(NtStatus.INVALID_PARAMETER,
                    NtStatus.INVALID_PARAMETER, NtStatus.USER_SESSION_DELETED);
            // a related message after one that lost its session has nothing to inherit
            c.send(Smb2Frame.join(List.of(treeDisconnect(4, false), treeDisconnect(5, true))));
            assertThat(c.receive()).extracting(p -> p.header().status()).containsExactly(NtStatus.USER_SESSION_DELETED,
                    NtStatus.INVALID_PARAMETER);
        }
    }

    @Test
    void secondNegotiateClosesTheConnection() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c);
            c.send(WireSamples.negotiateRequest311());
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void malformedChainClosesTheConnection() throws Exception {
        start(false);
        try (Client c = new Client(server.port())) {
            negotiate(c);
            byte[] bad = WireSamples.echoCompound(2);
            bad[20] = 9; // NextCommand not a multiple of 8
            c.send(bad);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    private static void negotiate(Client c) throws IOException, WireException {
        c.send(WireSamples.negotiateRequest311());
        assertThat(c.receiveOne().header().status()).isEqualTo(NtStatus.SUCCESS);
    }

    private static byte[] header(int command, long messageId) {
        SmbWriter w = new SmbWriter(80);
        new Smb2Header(1, 0, command, 1, 0, 0, messageId, 0, 0, 0, 0, null).encode(w);
        return w.u16(4).u16(0).toByteArray();
    }

    /** A blocking direct-TCP client. */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void send(byte[] message) throws IOException {
            out.write(new byte[] {0, (byte) (message.length >>> 16), (byte) (message.length >>> 8), (byte) message.length});
            out.write(message);
            out.flush();
        }

        List<Smb2Packet> receive() throws IOException, WireException {
            int len = in.readInt();
            assertThat(len >>> 24).isZero();
            byte[] frame = new byte[len];
            in.readFully(frame);
            return Smb2Frame.split(frame, 64);
        }

        Smb2Packet receiveOne() throws IOException, WireException {
            List<Smb2Packet> p = receive();
            assertThat(p).hasSize(1);
            return p.get(0);
        }

        boolean closedByServer() throws IOException {
            try {
                return in.read() < 0;
            } catch (EOFException | java.net.SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
