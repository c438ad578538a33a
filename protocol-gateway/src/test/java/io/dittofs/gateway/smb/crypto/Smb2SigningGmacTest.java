package io.dittofs.gateway.smb.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.SmbWriter;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-GMAC signing (MS-SMB2 3.1.4.1): nonce from MessageId and the role/CANCEL bits, tag over the message. */
class Smb2SigningGmacTest {

    private static byte[] message(long messageId, int command, int flags) {
        SmbWriter w = new SmbWriter(80);
        w.i32(0x424D53FE).u16(64).u16(1).i32(0).u16(command).u16(1).i32(flags).i32(0).i64(messageId).i32(0).i32(0)
                .i64(0x99).zeros(16).zeros(16);
        return w.toByteArray();
    }

    @Test
    void signsWithTheSpecifiedNonceAndVerifies() throws Exception {
        byte[] key = Kdf.derive(new byte[16], Kdf.z("SMBSigningKey"), new byte[64], 128);
        Smb2Signing gmac = Smb2Signing.forSession(Dialect.SMB_3_1_1, new byte[16], new byte[64], Smb2Signing.AES_GMAC);
        assertThat(gmac.algorithm()).isEqualTo(Smb2Signing.AES_GMAC);
        byte[] m = message(0x0102030405060708L, 5, 1); // a CREATE response
        gmac.sign(m);
        assertThat(gmac.verify(m)).isTrue();

        byte[] nonce = new byte[12];
        nonce[0] = 8;
        nonce[1] = 7;
        nonce[2] = 6;
        nonce[3] = 5;
        nonce[4] = 4;
        nonce[5] = 3;
        nonce[6] = 2;
        nonce[7] = 1;
        nonce[8] = 1; // server to client
        byte[] zeroed = m.clone();
        Arrays.fill(zeroed, 48, 64, (byte) 0);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(zeroed);
        assertThat(Arrays.copyOfRange(m, 48, 64)).isEqualTo(gcm.doFinal());

        byte[] tampered = m.clone();
        tampered[70] ^= 1;
        assertThat(gmac.verify(tampered)).isFalse();
        // the same bytes as a request (role bit 0) do not verify
        byte[] asRequest = m.clone();
        asRequest[16] &= ~1;
        assertThat(gmac.verify(asRequest)).isFalse();
    }

    @Test
    void withoutTheContextOrBefore311ItIsCmacAndTheContextCanAskForHmac() {
        assertThat(Smb2Signing.forSession(Dialect.SMB_3_1_1, new byte[16], new byte[64], Smb2Signing.HMAC_SHA256)
                .algorithm()).isEqualTo(Smb2Signing.HMAC_SHA256);
        assertThat(Smb2Signing.forSession(Dialect.SMB_3_1_1, new byte[16], new byte[64], -1).algorithm())
                .isEqualTo(Smb2Signing.AES_CMAC);
        assertThat(Smb2Signing.forSession(Dialect.SMB_3_0_2, new byte[16], new byte[64], Smb2Signing.AES_GMAC)
                .algorithm()).isEqualTo(Smb2Signing.AES_CMAC);
    }
}
