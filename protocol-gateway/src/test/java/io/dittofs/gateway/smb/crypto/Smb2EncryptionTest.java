package io.dittofs.gateway.smb.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.TransformHeader;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AEAD known answers (the GCM specification's test cases) and transform-header round trips for every cipher. */
class Smb2EncryptionTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aes128GcmKnownAnswers() {
        byte[] zero16 = new byte[16];
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 1 and 2
        assertThat(HEX.formatHex(Smb2Cipher.AES_128_GCM.seal(zero16, new byte[12], new byte[0], new byte[0])))
                .isEqualTo("58e2fccefa7e3061367f1d57a4e7455a");
        assertThat(HEX.formatHex(Smb2Cipher.AES_128_GCM.seal(zero16, new byte[12], new byte[0], zero16)))
                .isEqualTo("0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf");
    }

    @Test
    void aes256GcmKnownAnswers() {
        byte[] key = new byte[32];
        // same paper, test cases 13 and 14 (256-bit key)
        assertThat(HEX.formatHex(Smb2Cipher.AES_256_GCM.seal(key, new byte[12], new byte[0], new byte[0])))
                .isEqualTo("530f8afbc74536b9a963b4f1c4cb738b");
        assertThat(HEX.formatHex(Smb2Cipher.AES_256_GCM.seal(key, new byte[12], new byte[0], new byte[16])))
                .isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
    }

    @Test
    void keysFollowTheDialectsLabels() {
        byte[] sessionKey = HEX.parseHex("0123456789abcdef0123456789abcdef");
        Smb2Encryption v30 = Smb2Encryption.forSession(Dialect.SMB_3_0, 0, sessionKey, new byte[64]);
        assertThat(v30.cipher()).isEqualTo(Smb2Cipher.AES_128_CCM);
        assertThat(v30.encryptionKey()).isEqualTo(Kdf.derive(sessionKey, Kdf.z("SMB2AESCCM"), Kdf.z("ServerOut"), 128));
        assertThat(v30.decryptionKey()).isEqualTo(Kdf.derive(sessionKey, Kdf.z("SMB2AESCCM"), Kdf.z("ServerIn "), 128));
        byte[] preauth = new byte[64];
        preauth[0] = 7;
        Smb2Encryption v311 = Smb2Encryption.forSession(Dialect.SMB_3_1_1, 4, sessionKey, preauth);
        assertThat(v311.cipher()).isEqualTo(Smb2Cipher.AES_256_GCM);
        assertThat(v311.encryptionKey()).hasSize(32)
                .isEqualTo(Kdf.derive(sessionKey, Kdf.z("SMBS2CCipherKey"), preauth, 256));
        assertThat(v311.decryptionKey()).isEqualTo(Kdf.derive(sessionKey, Kdf.z("SMBC2SCipherKey"), preauth, 256));
        assertThat(Smb2Encryption.forSession(Dialect.SMB_3_1_1, 0, sessionKey, preauth)).isNull();
        assertThat(Smb2Encryption.forSession(Dialect.SMB_2_1, 1, sessionKey, preauth)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Smb2Cipher.class)
    void clientFramesDecryptAndTamperingIsCaught(Smb2Cipher cipher) throws WireException {
        Smb2Encryption server = Smb2Encryption.forSession(Dialect.SMB_3_1_1, cipher.id(), new byte[16], new byte[64]);
        // the client encrypts with the server's decryption key
        Smb2Encryption client = new Smb2Encryption(cipher, server.decryptionKey(), server.encryptionKey());
        byte[] message = new byte[200];
        Arrays.fill(message, (byte) 0x5a);
        byte[] frame = client.encrypt(message, 0x1122334455667788L);
        TransformHeader th = TransformHeader.decode(frame);
        assertThat(th.sessionId()).isEqualTo(0x1122334455667788L);
        assertThat(th.originalSize()).isEqualTo(200);
        assertThat(Arrays.copyOfRange(th.nonce(), cipher.nonceBytes(), 16)).containsOnly(0);
        assertThat(server.decrypt(th, frame)).isEqualTo(message);

        for (int at : new int[] {4, 20, 40, 44, 52, frame.length - 1}) {
            byte[] bad = frame.clone();
            bad[at] ^= 1;
            assertThatThrownBy(() -> server.decrypt(TransformHeader.decode(bad), bad))
                    .as("flipped byte %d", at).isInstanceOf(WireException.class);
        }
        // a response the server encrypts opens with the client's decryption key
        byte[] reply = server.encrypt(message, 9);
        assertThat(client.decrypt(TransformHeader.decode(reply), reply)).isEqualTo(message);
    }

    @Test
    void lyingLengthsAreRefused() {
        byte[] frame = new Smb2Encryption(Smb2Cipher.AES_128_GCM, new byte[16], new byte[16]).encrypt(new byte[64], 1);
        assertThatThrownBy(() -> TransformHeader.decode(Arrays.copyOf(frame, frame.length - 1)))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> TransformHeader.decode(Arrays.copyOf(frame, 40))).isInstanceOf(WireException.class);
    }
}
