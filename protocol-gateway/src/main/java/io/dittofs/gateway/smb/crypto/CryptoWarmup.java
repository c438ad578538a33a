package io.dittofs.gateway.smb.crypto;

import io.dittofs.gateway.smb.wire.Dialect;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every signing and sealing path on small dummy messages once, in the background, when the
 * SMB listener starts. The JDK's GHASH (AES-GMAC signing, AES-GCM sealing) is fast only once the
 * JIT has compiled it with its CPU intrinsic, and it is called once per message, so a client's
 * first gigabyte would otherwise run interpreted at a few tens of MB/s (measured: an smbclient get
 * at 17 MB/s, the third one at 81 MB/s; GMAC over 1 MiB 38 MB/s cold, > 1 GB/s compiled).
 * Many small calls reach the compile threshold in about a second of one core.
 */
public final class CryptoWarmup {

    private static final Logger log = LoggerFactory.getLogger(CryptoWarmup.class);

    /** Calls per path: beyond C2's invocation threshold, so the intrinsic is in place. */
    static final int ROUNDS = 20_000;
    private static final int MESSAGE_BYTES = 256;

    private CryptoWarmup() {
    }

    /** Starts the warm-up on a daemon thread; returns it (tests join it). */
    public static Thread startInBackground() {
        Thread t = new Thread(() -> run(), "smb-crypto-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Returns how many round trips failed to verify (0 unless the provider is broken). */
    static int run() {
        long started = System.nanoTime();
        byte[] key = new byte[16];
        Arrays.fill(key, (byte) 0x5a);
        byte[] preauth = new byte[64];
        Smb2Signing gmac = Smb2Signing.forSession(Dialect.SMB_3_1_1, key, preauth, Smb2Signing.AES_GMAC);
        byte[] message = new byte[MESSAGE_BYTES];
        byte[] nonce = new byte[16];
        byte[] aad = new byte[32];
        int bad = 0;
        for (int i = 0; i < ROUNDS; i++) {
            message[24] = (byte) i; // a fresh MessageId, hence a fresh GMAC nonce
            message[25] = (byte) (i >>> 8);
            gmac.sign(message);
            bad += gmac.verify(message) ? 0 : 1;
            nonce[0] = (byte) i;
            nonce[1] = (byte) (i >>> 8);
            byte[] sealed = Smb2Cipher.AES_128_GCM.seal(key, nonce, aad, message);
            bad += Smb2Cipher.AES_128_GCM.open(key, nonce, aad, sealed) == null ? 1 : 0;
        }
        if (bad != 0) {
            // a broken provider would fail real sessions too; say so once, loudly
            log.error("SMB crypto warm-up: {} of {} round trips did not verify", bad, 2 * ROUNDS);
        }
        log.debug("SMB crypto warm-up done in {} ms", (System.nanoTime() - started) / 1_000_000);
        return bad;
    }
}
