package io.dittofs.gateway.smb.crypto;

import io.dittofs.gateway.smb.wire.Dialect;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Message signing (MS-SMB2 3.1.4.1): HMAC-SHA256 with the session key for 2.x, AES-128-CMAC with
 * the derived signing key for 3.x. The signature covers the whole message with the signature
 * field zeroed and the SIGNED flag set. 3.1.1 may negotiate AES-128-GMAC (signing capabilities
 * context): GCM over an empty plaintext with the message as associated data and a 12-byte nonce of
 * the MessageId and a role bit (response) and a CANCEL bit (MS-SMB2 3.1.4.1).
 */
public final class Smb2Signing {

    public static final int HMAC_SHA256 = 0;
    public static final int AES_CMAC = 1;
    public static final int AES_GMAC = 2;

    private static final int SIGNATURE_AT = 48;
    private static final int FLAGS_AT = 16;

    private final int algorithm;
    private final byte[] key;

    private Smb2Signing(int algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.key = key.clone();
    }

    /**
     * The signer of a session: 2.x signs with the session key; 3.0/3.0.2 derive with
     * ("SMB2AESCMAC", "SmbSign"), 3.1.1 with ("SMBSigningKey", session preauth hash).
     */
    public static Smb2Signing forSession(int dialect, byte[] sessionKey, byte[] preauthHash) {
        return forSession(dialect, sessionKey, preauthHash, -1);
    }

    /** As above; {@code negotiated} is the 3.1.1 signing context's algorithm (-1: none sent, AES-CMAC). */
    public static Smb2Signing forSession(int dialect, byte[] sessionKey, byte[] preauthHash, int negotiated) {
        byte[] k16 = Arrays.copyOf(sessionKey, 16);
        if (!Dialect.isSmb3(dialect)) {
            return new Smb2Signing(HMAC_SHA256, k16);
        }
        byte[] signingKey = dialect == Dialect.SMB_3_1_1
                ? Kdf.derive(k16, Kdf.z("SMBSigningKey").clone(), preauthHash, 128)
                : Kdf.derive(k16, Kdf.z("SMB2AESCMAC"), Kdf.z("SmbSign"), 128);
        // 3.1.1 uses the algorithm of the signing context (HMAC-SHA256 then keys with the derived key)
        int algorithm = dialect == Dialect.SMB_3_1_1 && negotiated >= HMAC_SHA256 && negotiated <= AES_GMAC
                ? negotiated : AES_CMAC;
        return new Smb2Signing(algorithm, signingKey);
    }

    /** Signs one message in place (flag set, signature written). */
    public void sign(byte[] message) {
        message[FLAGS_AT] |= 0x08;
        Arrays.fill(message, SIGNATURE_AT, SIGNATURE_AT + 16, (byte) 0);
        System.arraycopy(mac(message), 0, message, SIGNATURE_AT, 16);
    }

    /** Whether a received message carries a valid signature. */
    public boolean verify(byte[] message) {
        if (message.length < 64) {
            return false;
        }
        // in place (a megabyte WRITE is not copied): the signature is zeroed for the MAC, then put back
        byte[] sig = Arrays.copyOfRange(message, SIGNATURE_AT, SIGNATURE_AT + 16);
        Arrays.fill(message, SIGNATURE_AT, SIGNATURE_AT + 16, (byte) 0);
        try {
            return MessageDigest.isEqual(mac(message), sig);
        } finally {
            System.arraycopy(sig, 0, message, SIGNATURE_AT, 16);
        }
    }

    public int algorithm() {
        return algorithm;
    }

    private byte[] mac(byte[] m) {
        if (algorithm == AES_GMAC) {
            return gmac(m);
        }
        if (algorithm == AES_CMAC) {
            CMac cmac = new CMac(AESEngine.newInstance());
            cmac.init(new KeyParameter(key));
            cmac.update(m, 0, m.length);
            byte[] out = new byte[16];
            cmac.doFinal(out, 0);
            return out;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(m), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] gmac(byte[] m) {
        byte[] nonce = new byte[12];
        System.arraycopy(m, 24, nonce, 0, 8); // MessageId
        boolean response = (m[FLAGS_AT] & 0x01) != 0;
        boolean cancel = (m[12] & 0xff) == 0x0C && m[13] == 0;
        nonce[8] = (byte) ((response ? 1 : 0) | (cancel ? 2 : 0));
        try {
            javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            gcm.updateAAD(m);
            return gcm.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
