package io.dittofs.gateway.smb.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SP800-108 KDF in counter mode with HMAC-SHA256, r = 32, as MS-SMB2 3.1.4.2 uses it. */
public final class Kdf {

    private Kdf() {
    }

    /** {@code bits} of key material (128 or 256) derived from {@code key} with a label and context. */
    public static byte[] derive(byte[] key, byte[] label, byte[] context, int bits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = new byte[bits / 8];
            int done = 0;
            for (int i = 1; done < out.length; i++) {
                mac.update(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
                mac.update(label);
                mac.update((byte) 0);
                mac.update(context);
                mac.update(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
                byte[] block = mac.doFinal();
                int n = Math.min(block.length, out.length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A NUL-terminated label or context as MS-SMB2 writes them ("SMB2AESCMAC\0"). */
    public static byte[] z(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }
}
