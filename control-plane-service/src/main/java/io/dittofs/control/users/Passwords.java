package io.dittofs.control.users;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Password hashes: bcrypt for the admin API, the NT hash (MD4 of UTF-16LE) for SMB NTLM. */
public final class Passwords {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private Passwords() {
    }

    public static String bcrypt(String password) {
        return BCRYPT.encode(password);
    }

    public static boolean matches(String password, String hash) {
        return hash != null && password != null && BCRYPT.matches(password, hash);
    }

    public static byte[] ntHash(String password) {
        byte[] utf16 = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(utf16, 0, utf16.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }
}
