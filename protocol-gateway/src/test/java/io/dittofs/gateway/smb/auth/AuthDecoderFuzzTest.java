package io.dittofs.gateway.smb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPNEGO/DER and NTLMSSP decoders under seeded mutation; MS-NLMP known answers for the key derivation. */
class AuthDecoderFuzzTest {

    private static final int ROUNDS = 3000;

    /** A client NegTokenInit carrying an NTLMSSP NEGOTIATE, as smbclient sends it. */
    static byte[] negTokenInit() {
        byte[] ntlm = new SmbWriter(32).bytes(NtlmMessages.SIGNATURE).i32(1).i32(0x62088215).zeros(16).toByteArray();
        byte[] mechTypes = Der.tlv(0x30, Spnego.NTLMSSP_OID);
        byte[] init = Der.tlv(0x30, Der.tlv(0xa0, mechTypes), Der.tlv(0xa2, Der.tlv(0x04, ntlm)));
        return Der.tlv(0x60, new byte[] {0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02}, Der.tlv(0xa0, init));
    }

    /** An AUTHENTICATE with every field filled, wrapped in a NegTokenResp with a mechListMIC. */
    static byte[] negTokenRespAuthenticate() {
        byte[] lm = new byte[24];
        byte[] nt = new byte[16 + 28 + 12];
        byte[] domain = SmbWriter.utf16("WORKGROUP");
        byte[] user = SmbWriter.utf16("alice");
        byte[] ws = SmbWriter.utf16("HOST");
        byte[] key = new byte[16];
        SmbWriter w = new SmbWriter(256).bytes(NtlmMessages.SIGNATURE).i32(3);
        int off = 88;
        for (byte[] f : new byte[][] {lm, nt, domain, user, ws, key}) {
            w.u16(f.length).u16(f.length).i32(off);
            off += f.length;
        }
        w.i32(0x62088215 | NtlmMessages.KEY_EXCH).zeros(8).zeros(16);
        for (byte[] f : new byte[][] {lm, nt, domain, user, ws, key}) {
            w.bytes(f);
        }
        return Spnego.response(Spnego.ACCEPT_INCOMPLETE, false, w.toByteArray(), new byte[16]);
    }

    @Test
    void samplesDecode() throws WireException {
        Spnego.ClientToken init = Spnego.parse(negTokenInit());
        assertThat(init.ntlmFirst()).isTrue();
        assertThat(NtlmMessages.negotiateFlags(init.mechToken())).isEqualTo(0x62088215);
        Spnego.ClientToken resp = Spnego.parse(negTokenRespAuthenticate());
        NtlmMessages.Authenticate a = NtlmMessages.authenticate(resp.mechToken());
        assertThat(a.user()).isEqualTo("alice");
        assertThat(a.domain()).isEqualTo("WORKGROUP");
        assertThat(a.mic()).hasSize(16);
        assertThat(resp.mechListMic()).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void mutatedTokensNeverThrowUnchecked(long seed) {
        Random rnd = new Random(seed);
        byte[][] seeds = {negTokenInit(), negTokenRespAuthenticate()};
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(rnd, seeds[i % 2]);
            try {
                Spnego.ClientToken t = Spnego.parse(m);
                if (t.mechToken() != null && t.mechToken().length > 12) {
                    if (t.mechToken()[8] == 1) {
                        NtlmMessages.negotiateFlags(t.mechToken());
                    } else {
                        NtlmMessages.authenticate(t.mechToken());
                    }
                }
            } catch (WireException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    static byte[] mutate(Random rnd, byte[] valid) {
        byte[] m = valid.clone();
        for (int e = 1 + rnd.nextInt(4); e > 0 && m.length > 0; e--) {
            switch (rnd.nextInt(4)) {
                case 0 -> m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                case 2 -> m = Arrays.copyOf(m, rnd.nextInt(m.length + 1));
                default -> m = Arrays.copyOf(m, m.length + rnd.nextInt(32));
            }
        }
        return m;
    }

    @Test
    void ntowfv2MatchesTheSpecificationExample() {
        // MS-NLMP 4.2.4.1.1: NTOWFv2("Password", "User", "Domain")
        assertThat(HexFormat.of().formatHex(NtlmCrypto.ntowfv2(NtlmCrypto.ntHash("Password"), "User", "Domain")))
                .isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
    }
}
