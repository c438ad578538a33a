package io.dittofs.gateway.smb.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/** NTLM's primitives (MS-NLMP 3.3.2, 3.4): NT hash, NTOWFv2, HMAC-MD5, MD5, RC4. */
public final class NtlmCrypto {

    private NtlmCrypto() {
    }

    /** NTOWFv1: MD4 of the UTF-16LE password, i.e. the NT hash the identity service stores. */
    public static byte[] ntHash(String password) {
        byte[] p = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(p, 0, p.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    /** NTOWFv2 = HMAC_MD5(NT hash, UNICODE(Uppercase(user) + domain)). */
    static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every JDK", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** RC4 keystream state; NTLM keeps one per direction across messages. */
    static final class Rc4 {
        private final int[] s = new int[256];
        private int i;
        private int j;

        Rc4(byte[] key) {
            for (int k = 0; k < 256; k++) {
                s[k] = k;
            }
            for (int k = 0, l = 0; k < 256; k++) {
                l = (l + s[k] + (key[k % key.length] & 0xff)) & 0xff;
                int t = s[k];
                s[k] = s[l];
                s[l] = t;
            }
        }

        byte[] apply(byte[] in) {
            byte[] out = new byte[in.length];
            for (int k = 0; k < in.length; k++) {
                i = (i + 1) & 0xff;
                j = (j + s[i]) & 0xff;
                int t = s[i];
                s[i] = s[j];
                s[j] = t;
                out[k] = (byte) (in[k] ^ s[(s[i] + s[j]) & 0xff]);
            }
            return out;
        }
    }

    static byte[] rc4(byte[] key, byte[] data) {
        return new Rc4(key).apply(data);
    }
}
