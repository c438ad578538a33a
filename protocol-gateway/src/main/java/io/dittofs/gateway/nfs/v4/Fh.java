package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fs.model.Handle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A current or saved NFSv4 filehandle: either a directory of the pseudo file system (named by its
 * path, which the gateway alone interprets) or an object of a share (the metadata-service's handle).
 */
public sealed interface Fh {

    /** nfs_fh4 is at most NFS4_FHSIZE bytes (RFC 7530 §2.2). */
    int MAX_BYTES = 128;
    /** First byte of a pseudo handle; share handles start with their layout version (1). */
    int PSEUDO_MARKER = 0xF4;

    byte[] bytes();

    record Pseudo(String path) implements Fh {
        public static final Pseudo ROOT = new Pseudo("/");

        @Override
        public byte[] bytes() {
            byte[] p = path.getBytes(StandardCharsets.UTF_8);
            byte[] b = new byte[p.length + 1];
            b[0] = (byte) PSEUDO_MARKER;
            System.arraycopy(p, 0, b, 1, p.length);
            return b;
        }
    }

    record Real(Handle handle) implements Fh {
        @Override
        public byte[] bytes() {
            return handle.bytes();
        }

        public long shareId() {
            return handle.shareId();
        }
    }

    /** The handle a client sent back, or null when it cannot be one of ours (BADHANDLE). */
    static Fh decode(byte[] b) {
        if (b.length == 0 || b.length > MAX_BYTES) {
            return null;
        }
        if ((b[0] & 0xff) == PSEUDO_MARKER) {
            String path = new String(Arrays.copyOfRange(b, 1, b.length), StandardCharsets.UTF_8);
            return path.startsWith("/") ? new Pseudo(path) : null;
        }
        if (b.length > Handle.MAX_BYTES) {
            return null;
        }
        Handle h = Handle.of(b);
        return h.shareId() < 0 ? null : new Real(h);
    }
}
