package io.dittofs.metadata.store.rocksdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout in the one column family: a tag byte, then big-endian numbers so byte order is
 * numeric order (directory listings iterate the cookie index in order).
 * <pre>
 * 'I' id                  → encoded inode
 * 'E' dir name(UTF-8)     → child(8) cookie(8)
 * 'C' dir cookie          → child(8) name(UTF-8)
 * 'X' id name(UTF-8)      → value
 * 'M' key(UTF-8)          → value
 * 'R' payload id          → pending size(8), -1 = delete (the content outbox)
 * </pre>
 */
final class Keys {

    static final byte INODE = 'I';
    static final byte ENTRY = 'E';
    static final byte COOKIE = 'C';
    static final byte XATTR = 'X';
    static final byte META = 'M';
    static final byte RELEASE = 'R';

    private Keys() {
    }

    static byte[] inode(long id) {
        return ByteBuffer.allocate(9).put(INODE).putLong(id).array();
    }

    static byte[] entry(long dir, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + n.length).put(ENTRY).putLong(dir).put(n).array();
    }

    static byte[] cookie(long dir, long cookie) {
        return ByteBuffer.allocate(17).put(COOKIE).putLong(dir).putLong(cookie).array();
    }

    static byte[] xattr(long id, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + n.length).put(XATTR).putLong(id).put(n).array();
    }

    static byte[] prefix(byte tag, long id) {
        return ByteBuffer.allocate(9).put(tag).putLong(id).array();
    }

    static byte[] meta(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + k.length).put(META).put(k).array();
    }

    static byte[] release(byte[] payloadId) {
        return ByteBuffer.allocate(1 + payloadId.length).put(RELEASE).put(payloadId).array();
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
