package io.dittofs.gateway.smb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encode/decode round trips of the header, compounds and NEGOTIATE, and the refusals of malformed chains. */
class WireRoundTripTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomHeadersRoundTrip(long seed) throws WireException {
        Random rnd = new Random(seed);
        for (int i = 0; i < 500; i++) {
            byte[] sig = new byte[16];
            rnd.nextBytes(sig);
            boolean async = rnd.nextBoolean();
            int flags = rnd.nextInt() & ~Smb2Header.FLAGS_ASYNC_COMMAND | (async ? Smb2Header.FLAGS_ASYNC_COMMAND : 0);
            Smb2Header h = new Smb2Header(rnd.nextInt(65536), rnd.nextInt(), rnd.nextInt(19), rnd.nextInt(65536), flags,
                    rnd.nextInt(), rnd.nextLong(), async ? 0 : rnd.nextInt(), async ? 0 : rnd.nextInt(),
                    async ? rnd.nextLong() : 0, rnd.nextLong(), sig);
            SmbWriter w = new SmbWriter(64);
            h.encode(w);
            byte[] bytes = w.toByteArray();
            assertThat(bytes).hasSize(Smb2Header.SIZE);
            assertThat(Smb2Header.decode(SmbReader.of(bytes))).isEqualTo(h);
        }
    }

    @Test
    void negotiateRequestWithContextsRoundTrips() throws WireException {
        NegotiateRequest body = WireSamples.negotiate311Body();
        List<Smb2Packet> packets = Smb2Frame.split(WireSamples.negotiateRequest(body), 4);
        assertThat(packets).hasSize(1);
        NegotiateRequest got = NegotiateRequest.decode(packets.get(0).body());
        assertThat(got).isEqualTo(body);
        assertThat(got.contexts().get(2)).isInstanceOf(NegotiateContext.Other.class);
    }

    @Test
    void contextsAreIgnoredWithout311() throws WireException {
        NegotiateRequest body = new NegotiateRequest(1, 0, new byte[16], List.of(Dialect.SMB_2_1, Dialect.SMB_3_0), List.of());
        NegotiateRequest got = NegotiateRequest.decode(Smb2Frame.split(WireSamples.negotiateRequest(body), 4).get(0).body());
        assertThat(got.dialects()).containsExactly(Dialect.SMB_2_1, Dialect.SMB_3_0);
        assertThat(got.contexts()).isEmpty();
    }

    @Test
    void negotiateResponseRoundTripsWithSecurityBufferAndContexts() throws WireException {
        byte[] bytes = WireSamples.negotiateResponse311();
        NegotiateResponse r = NegotiateResponse.decode(Smb2Frame.split(bytes, 1).get(0).body());
        assertThat(r.dialect()).isEqualTo(Dialect.SMB_3_1_1);
        assertThat(r.securityBuffer()).containsExactly(0x60, 0x01, 0x02);
        assertThat(r.contexts()).hasSize(2);
        // security buffer right after the 64-byte fixed part (MS-SMB2 2.2.4: offset 0x80)
        assertThat(bytes[64 + 56] & 0xff).isEqualTo(0x80);
    }

    @Test
    void compoundSplitsIntoAlignedMessagesWithTheirOwnBytes() throws WireException {
        byte[] frame = WireSamples.echoCompound(3);
        List<Smb2Packet> packets = Smb2Frame.split(frame, 8);
        assertThat(packets).extracting(p -> p.header().messageId()).containsExactly(10L, 11L, 12L);
        assertThat(packets.get(0).header().related()).isFalse();
        assertThat(packets.get(1).header().related()).isTrue();
        // each but the last padded to 8: 68 bytes of echo become 72
        assertThat(packets.get(0).length()).isEqualTo(72);
        assertThat(packets.get(0).header().nextCommand()).isEqualTo(72);
        assertThat(packets.get(2).length()).isEqualTo(68);
    }

    @Test
    void chainsPointingBackwardsOffAlignmentOrPastTheEndAreRefused() {
        byte[] frame = WireSamples.echoCompound(2);
        for (int bad : new int[] {8, 60, 73, 4096, -8}) {
            byte[] m = frame.clone();
            m[20] = (byte) bad;
            m[21] = (byte) (bad >>> 8);
            m[22] = (byte) (bad >>> 16);
            m[23] = (byte) (bad >>> 24);
            assertThatThrownBy(() -> Smb2Frame.split(m, 8)).isInstanceOf(WireException.class);
        }
    }

    @Test
    void compoundLongerThanTheCapIsRefused() {
        assertThatThrownBy(() -> Smb2Frame.split(WireSamples.echoCompound(5), 4))
                .isInstanceOf(WireException.class).hasMessageContaining("more than 4");
    }

    @Test
    void smb1NegotiateOffersUpgrade() throws WireException {
        assertThat(Smb1Negotiate.decode(new Smb1Negotiate(List.of("NT LM 0.12", "SMB 2.002", "SMB 2.???")).encode())
                .upgradeDialect()).isEqualTo(Dialect.WILDCARD);
        assertThat(Smb1Negotiate.decode(new Smb1Negotiate(List.of("NT LM 0.12", "SMB 2.002")).encode())
                .upgradeDialect()).isEqualTo(Dialect.SMB_2_0_2);
        assertThat(Smb1Negotiate.decode(new Smb1Negotiate(List.of("NT LM 0.12")).encode()).upgradeDialect()).isZero();
    }

    @Test
    void negotiateContextCountsAreCapped() {
        byte[] m = WireSamples.negotiateRequest311();
        // NegotiateContextCount at body offset 32 (header 64 + 32 = 96)
        m[96] = (byte) 200;
        assertThatThrownBy(() -> NegotiateRequest.decode(Smb2Frame.split(m, 1).get(0).body()))
                .isInstanceOf(WireException.class).hasMessageContaining("negotiate contexts");
    }
}
