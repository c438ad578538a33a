package io.dittofs.gateway.smb.crypto;

import io.dittofs.gateway.smb.wire.Dialect;
import io.dittofs.gateway.smb.wire.TransformHeader;
import io.dittofs.gateway.smb.wire.WireException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A session's encryption (MS-SMB2 3.1.4.3, 3.3.4.1.4, 3.3.5.2.1.1): the server's encryption key
 * (server to client) and decryption key (client to server) from the SP800-108 KDF, per dialect:
 * 3.0/3.0.2 AES-128-CCM with ("SMB2AESCCM", "ServerOut"/"ServerIn "), 3.1.1 the negotiated cipher
 * with ("SMBS2CCipherKey"/"SMBC2SCipherKey", session preauth hash). Nonces are random (the
 * 11/12 leading bytes; the rest of the 16-byte field stays zero).
 */
public final class Smb2Encryption {

    private final Smb2Cipher cipher;
    private final byte[] encryptionKey;
    private final byte[] decryptionKey;
    private final SecureRandom random = new SecureRandom();

    Smb2Encryption(Smb2Cipher cipher, byte[] encryptionKey, byte[] decryptionKey) {
        this.cipher = cipher;
        this.encryptionKey = encryptionKey.clone();
        this.decryptionKey = decryptionKey.clone();
    }

    /** The session's encryption, or null when the dialect or the negotiation gives none. */
    public static Smb2Encryption forSession(int dialect, int cipherId, byte[] sessionKey, byte[] preauthHash) {
        if (dialect == Dialect.SMB_3_0 || dialect == Dialect.SMB_3_0_2) {
            byte[] k = Arrays.copyOf(sessionKey, 16);
            return new Smb2Encryption(Smb2Cipher.AES_128_CCM,
                    Kdf.derive(k, Kdf.z("SMB2AESCCM"), Kdf.z("ServerOut"), 128),
                    Kdf.derive(k, Kdf.z("SMB2AESCCM"), Kdf.z("ServerIn "), 128));
        }
        Smb2Cipher c = Smb2Cipher.of(cipherId);
        if (dialect != Dialect.SMB_3_1_1 || c == null) {
            return null;
        }
        // 256-bit ciphers derive from the full session key; NTLM's is 16 bytes either way
        byte[] k = c.keyBits() == 128 ? Arrays.copyOf(sessionKey, 16) : sessionKey.clone();
        return new Smb2Encryption(c, Kdf.derive(k, Kdf.z("SMBS2CCipherKey"), preauthHash, c.keyBits()),
                Kdf.derive(k, Kdf.z("SMBC2SCipherKey"), preauthHash, c.keyBits()));
    }

    public Smb2Cipher cipher() {
        return cipher;
    }

    byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    byte[] decryptionKey() {
        return decryptionKey.clone();
    }

    /** A transform header and the encrypted message (the whole compound) for a session. */
    public byte[] encrypt(byte[] message, long sessionId) {
        byte[] nonce = new byte[16];
        byte[] n = new byte[cipher.nonceBytes()];
        random.nextBytes(n);
        System.arraycopy(n, 0, nonce, 0, n.length);
        return encrypt(message, sessionId, nonce);
    }

    byte[] encrypt(byte[] message, long sessionId, byte[] nonce) {
        TransformHeader th = new TransformHeader(new byte[16], nonce, message.length, TransformHeader.FLAG_ENCRYPTED,
                sessionId);
        byte[] sealed = cipher.seal(encryptionKey, nonce, th.aad(), message);
        byte[] out = new byte[TransformHeader.SIZE + message.length];
        System.arraycopy(th.encode(), 0, out, 0, TransformHeader.SIZE);
        System.arraycopy(sealed, 0, out, TransformHeader.SIZE, message.length);
        System.arraycopy(sealed, message.length, out, 4, 16);
        return out;
    }

    /** The decrypted message of a client frame; a bad tag is a {@link WireException}. */
    public byte[] decrypt(TransformHeader th, byte[] frame) throws WireException {
        byte[] sealed = new byte[th.originalSize() + 16];
        System.arraycopy(frame, TransformHeader.SIZE, sealed, 0, th.originalSize());
        System.arraycopy(th.signature(), 0, sealed, th.originalSize(), 16);
        // the associated data is the header as received (its Reserved field included), not as re-encoded
        byte[] aad = java.util.Arrays.copyOfRange(frame, TransformHeader.AAD_OFFSET, TransformHeader.SIZE);
        byte[] plain = cipher.open(decryptionKey, th.nonce(), aad, sealed);
        if (plain == null) {
            throw new WireException("encrypted message does not authenticate");
        }
        return plain;
    }
}
