package io.dittofs.gateway.smb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded fuzzing of every decoder in this package: random bytes and mutations of valid messages
 * either decode or fail with {@link WireException}; nothing unchecked escapes and nothing loops.
 */
class WireFuzzTest {

    private static final int ROUNDS = 3000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void mutatedNegotiateRequestsNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        byte[] valid = WireSamples.negotiateRequest311();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, valid);
            decodeQuietly(() -> {
                for (Smb2Packet p : Smb2Frame.split(m, 16)) {
                    NegotiateRequest.decode(p.body());
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7, 8, 9, 10})
    void mutatedNegotiateResponsesNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        byte[] valid = WireSamples.negotiateResponse311();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, valid);
            decodeQuietly(() -> {
                for (Smb2Packet p : Smb2Frame.split(m, 16)) {
                    NegotiateResponse.decode(p.body());
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void mutatedCompoundsNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        byte[] valid = WireSamples.echoCompound(4);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, valid);
            decodeQuietly(() -> {
                for (Smb2Packet p : Smb2Frame.split(m, 16)) {
                    assertThat(p.length()).isGreaterThanOrEqualTo(Smb2Header.SIZE);
                    EchoMessage.decode(p.body());
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {14, 15, 16})
    void mutatedSmb1NegotiatesNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        byte[] valid = new Smb1Negotiate(java.util.List.of("NT LM 0.12", "SMB 2.002", "SMB 2.???")).encode();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, valid);
            decodeQuietly(() -> Smb1Negotiate.decode(m).upgradeDialect());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {20, 21, 22})
    void mutatedSessionSetupAndTreeConnectNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        SmbWriter ss = new SmbWriter(128);
        WireSamples.requestHeader(Smb2Command.SESSION_SETUP, 1, 1).encode(ss);
        new SessionSetupRequest(0, 1, 0, 0, new byte[] {0x60, 0x03, 0x01, 0x02, 0x03}).encode(ss);
        SmbWriter tc = new SmbWriter(128);
        WireSamples.requestHeader(Smb2Command.TREE_CONNECT, 2, 1).encode(tc);
        new TreeConnectRequest(0, "\\\\127.0.0.1\\export").encode(tc);
        byte[][] seeds = {ss.toByteArray(), tc.toByteArray()};
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, seeds[i % 2]);
            boolean session = i % 2 == 0;
            decodeQuietly(() -> {
                for (Smb2Packet p : Smb2Frame.split(m, 16)) {
                    if (session) {
                        SessionSetupRequest.decode(p.body());
                    } else {
                        TreeConnectRequest.decode(p.body());
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {17, 18, 19})
    void randomBytesNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = new byte[rnd.nextInt(300)];
            rnd.nextBytes(m);
            if (m.length >= 4 && rnd.nextBoolean()) {
                m[0] = (byte) 0xFE;
                m[1] = 'S';
                m[2] = 'M';
                m[3] = 'B';
            }
            decodeQuietly(() -> {
                for (Smb2Packet p : Smb2Frame.split(m, 16)) {
                    NegotiateRequest.decode(p.body());
                }
            });
            decodeQuietly(() -> Smb1Negotiate.decode(m));
        }
    }

    /** Flips, overwrites, truncates or extends a few bytes, biased towards the length and offset fields. */
    static byte[] mutate(Random rnd, byte[] valid) {
        byte[] m = valid.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (rnd.nextInt(5)) {
                case 0 -> m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                case 2 -> {
                    int at = rnd.nextInt(Math.max(1, m.length - 1));
                    m[at] = (byte) 0xff;
                    if (at + 1 < m.length) {
                        m[at + 1] = (byte) 0xff;
                    }
                }
                case 3 -> m = java.util.Arrays.copyOf(m, rnd.nextInt(m.length + 1));
                default -> m = java.util.Arrays.copyOf(m, m.length + rnd.nextInt(64));
            }
            if (m.length == 0) {
                return m;
            }
        }
        return m;
    }

    interface Decode {
        void run() throws WireException;
    }

    private static void decodeQuietly(Decode d) {
        try {
            d.run();
        } catch (WireException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
