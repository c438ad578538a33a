package io.dittofs.metadata.core;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.FileHandles;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Handle layout (29 bytes, within NFSv3's 64): byte 0 = layout version 1, bytes 1..4 = share id
 * (big-endian), 5..12 = fileid, 13..16 = generation, 17..28 = HMAC-SHA256 over bytes 0..16,
 * truncated to 12 bytes. The key lives in the store, so handles survive restarts; a handle whose
 * MAC does not verify was not issued by this store (BADHANDLE).
 *
 * <p>The MAC was a tenth of a GETATTR's server CPU, paid again for a handle checked a moment ago
 * (LOOKUP issues it, GETATTR/READ/WRITE present it). So whole handles this codec issued or
 * verified are remembered in a small direct-mapped table keyed by their signed bytes: encoding a
 * remembered (share, id, generation) reuses its MAC, and a presented handle equal to a remembered
 * one (compared in constant time) is genuine without a MAC. Only byte strings whose MAC this key
 * produced ever enter the table, so it cannot make a forged handle verify; a client can at most
 * evict entries, which costs it the MAC it would have cost anyway.
 */
public final class HandleCodec {

    public static final int LENGTH = 29;
    private static final int SIGNED = 17;
    private static final int MAC_BYTES = LENGTH - SIGNED;
    /** Remembered handles: about 0.5 MiB at most, enough for the working set of busy clients. */
    private static final int SLOTS = 8192;

    private final SecretKeySpec key;
    // a pool, not a ThreadLocal: calls run on short-lived virtual threads
    private final ConcurrentLinkedQueue<Mac> macs = new ConcurrentLinkedQueue<>();
    private final AtomicReferenceArray<byte[]> known = new AtomicReferenceArray<>(SLOTS);

    public HandleCodec(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("handle key too short: " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The decoded parts of a verified handle. */
    public record Ref(int share, long id, int generation) {
    }

    public FileHandle encode(int share, long id, int generation) {
        byte[] b = new byte[LENGTH];
        ByteBuffer.wrap(b).put((byte) FileHandles.LAYOUT_VERSION).putInt(share).putLong(id).putInt(generation);
        int slot = slot(b);
        byte[] k = known.getAcquire(slot);
        if (k != null && sameSigned(k, b)) {
            // the MAC is a function of the signed bytes: the remembered handle is this handle
            System.arraycopy(k, SIGNED, b, SIGNED, MAC_BYTES);
        } else {
            System.arraycopy(tag(b), 0, b, SIGNED, MAC_BYTES);
            known.setRelease(slot, b.clone());
        }
        return FileHandle.newBuilder().setValue(ByteString.copyFrom(b)).build();
    }

    public Ref decode(FileHandle handle) {
        ByteString v = handle.getValue();
        if (v.size() != LENGTH || (v.byteAt(0) & 0xff) != FileHandles.LAYOUT_VERSION) {
            throw new StatusException(Status.BADHANDLE, "handle of " + v.size() + " bytes / unknown layout");
        }
        byte[] bytes = v.toByteArray();
        int slot = slot(bytes);
        byte[] k = known.getAcquire(slot);
        if (k == null || !MessageDigest.isEqual(k, bytes)) {
            byte[] tag = tag(bytes);
            byte[] expected = new byte[MAC_BYTES];
            System.arraycopy(tag, 0, expected, 0, MAC_BYTES);
            byte[] given = new byte[MAC_BYTES];
            System.arraycopy(bytes, SIGNED, given, 0, MAC_BYTES);
            if (!MessageDigest.isEqual(expected, given)) {
                throw new StatusException(Status.BADHANDLE, "handle MAC does not verify");
            }
            // bytes is this call's own copy, never changed again: safe to share
            known.setRelease(slot, bytes);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, SIGNED - 1);
        return new Ref(b.getInt(), b.getLong(), b.getInt());
    }

    /** The table slot of a handle: a mix of its signed bytes (share, fileid, generation). */
    private static int slot(byte[] h) {
        int x = 1;
        for (int i = 0; i < SIGNED; i++) {
            x = x * 31 + h[i];
        }
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        return x & (SLOTS - 1);
    }

    private static boolean sameSigned(byte[] a, byte[] b) {
        return java.util.Arrays.equals(a, 0, SIGNED, b, 0, SIGNED);
    }

    private byte[] tag(byte[] handle) {
        Mac mac = macs.poll();
        if (mac == null) {
            mac = newMac();
        }
        mac.update(handle, 0, SIGNED);
        byte[] tag = mac.doFinal();
        macs.offer(mac);
        return tag;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
