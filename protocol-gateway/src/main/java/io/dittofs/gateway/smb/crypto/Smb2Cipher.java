package io.dittofs.gateway.smb.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The SMB 3.x AEAD ciphers (MS-SMB2 2.2.3.1.2 cipher ids): GCM from the JDK, CCM from Bouncy
 * Castle (the JDK has none). CCM uses an 11-byte nonce, GCM 12; both a 16-byte tag.
 */
public enum Smb2Cipher {
    AES_128_CCM(1, 128, 11), AES_128_GCM(2, 128, 12), AES_256_CCM(3, 256, 11), AES_256_GCM(4, 256, 12);

    private final int id;
    private final int keyBits;
    private final int nonceBytes;

    Smb2Cipher(int id, int keyBits, int nonceBytes) {
        this.id = id;
        this.keyBits = keyBits;
        this.nonceBytes = nonceBytes;
    }

    public int id() {
        return id;
    }

    public int keyBits() {
        return keyBits;
    }

    public int nonceBytes() {
        return nonceBytes;
    }

    public boolean ccm() {
        return this == AES_128_CCM || this == AES_256_CCM;
    }

    /** The cipher of an id, or null. */
    public static Smb2Cipher of(int id) {
        for (Smb2Cipher c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    /** Ciphertext followed by the 16-byte tag. */
    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
        byte[] n = Arrays.copyOf(nonce, nonceBytes);
        if (ccm()) {
            org.bouncycastle.crypto.modes.CCMModeCipher ccm = CCMBlockCipher.newInstance(AESEngine.newInstance());
            ccm.init(true, new AEADParameters(new KeyParameter(key), 128, n, aad));
            byte[] out = new byte[ccm.getOutputSize(plain.length)];
            try {
                int len = ccm.processBytes(plain, 0, plain.length, out, 0);
                ccm.doFinal(out, len);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("CCM encryption cannot fail on a valid key", e);
            }
            return out;
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, n));
            gcm.updateAAD(aad);
            return gcm.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plaintext, or null when the tag does not verify. */
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        byte[] n = Arrays.copyOf(nonce, nonceBytes);
        if (sealed.length < 16) {
            return null;
        }
        if (ccm()) {
            org.bouncycastle.crypto.modes.CCMModeCipher ccm = CCMBlockCipher.newInstance(AESEngine.newInstance());
            ccm.init(false, new AEADParameters(new KeyParameter(key), 128, n, aad));
            byte[] out = new byte[ccm.getOutputSize(sealed.length)];
            try {
                int len = ccm.processBytes(sealed, 0, sealed.length, out, 0);
                ccm.doFinal(out, len);
                return out;
            } catch (InvalidCipherTextException e) {
                return null;
            }
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, n));
            gcm.updateAAD(aad);
            return gcm.doFinal(sealed);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
