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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Handle layout (29 bytes, within NFSv3's 64): byte 0 = layout version 1, bytes 1..4 = share id
 * (big-endian), 5..12 = fileid, 13..16 = generation, 17..28 = HMAC-SHA256 over bytes 0..16,
 * truncated to 12 bytes. The key lives in the store, so handles survive restarts; a handle whose
 * MAC does not verify was not issued by this store (BADHANDLE).
 */
public final class HandleCodec {

    public static final int LENGTH = 29;
    private static final int SIGNED = 17;
    private static final int MAC_BYTES = LENGTH - SIGNED;

    private final SecretKeySpec key;
    // a pool, not a ThreadLocal: calls run on short-lived virtual threads
    private final ConcurrentLinkedQueue<Mac> macs = new ConcurrentLinkedQueue<>();

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
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put((byte) FileHandles.LAYOUT_VERSION).putInt(share).putLong(id).putInt(generation);
        b.put(tag(b.array()), 0, MAC_BYTES);
        return FileHandle.newBuilder().setValue(ByteString.copyFrom(b.array())).build();
    }

    public Ref decode(FileHandle handle) {
        ByteString v = handle.getValue();
        if (v.size() != LENGTH || (v.byteAt(0) & 0xff) != FileHandles.LAYOUT_VERSION) {
            throw new StatusException(Status.BADHANDLE, "handle of " + v.size() + " bytes / unknown layout");
        }
        byte[] bytes = v.toByteArray();
        byte[] tag = tag(bytes);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(tag, 0, expected, 0, MAC_BYTES);
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(bytes, SIGNED, given, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new StatusException(Status.BADHANDLE, "handle MAC does not verify");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, SIGNED - 1);
        return new Ref(b.getInt(), b.getLong(), b.getInt());
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
