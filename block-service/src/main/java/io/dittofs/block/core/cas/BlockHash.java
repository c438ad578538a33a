package io.dittofs.block.core.cas;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** SHA-256 of a sealed block's content: the block's name in both tiers. Immutable. */
public final class BlockHash implements Comparable<BlockHash> {

    public static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    private final byte[] bytes;
    private final int hashCode;

    private BlockHash(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = Arrays.hashCode(bytes);
    }

    public static BlockHash of(byte[] data, int off, int len) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(data, off, len);
        return new BlockHash(md.digest());
    }

    public static BlockHash of(ByteBuffer data) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(data.duplicate());
        return new BlockHash(md.digest());
    }

    public static BlockHash fromBytes(byte[] raw) {
        if (raw.length != BYTES) {
            throw new IllegalArgumentException("a block hash has 32 bytes, got " + raw.length);
        }
        return new BlockHash(raw.clone());
    }

    /** Parses 64 lower- or upper-case hex digits; rejects anything else. */
    public static BlockHash fromHex(String hex) {
        if (hex.length() != BYTES * 2) {
            throw new IllegalArgumentException("a block hash is 64 hex digits, got '" + hex + "'");
        }
        return new BlockHash(HEX.parseHex(hex));
    }

    public static BlockHash read(ByteBuffer in) {
        byte[] raw = new byte[BYTES];
        in.get(raw);
        return new BlockHash(raw);
    }

    public void writeTo(ByteBuffer out) {
        out.put(bytes);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    public boolean matches(ByteBuffer content) {
        return equals(of(content));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public int compareTo(BlockHash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
