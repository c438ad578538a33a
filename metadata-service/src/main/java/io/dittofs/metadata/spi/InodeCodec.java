package io.dittofs.metadata.spi;

import io.dittofs.contracts.common.v1.Acl;
import io.dittofs.contracts.common.v1.FileType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Binary form of an {@link Inode} for key-value and blob stores. Version byte first, so the
 * layout can grow. The decoder never trusts a length field: every length is checked against the
 * bytes that remain and against the field's own limit before anything is allocated.
 */
public final class InodeCodec {

    /** 2 adds the ACL after the target; 1 (no ACL) is still read. */
    private static final byte VERSION = 2;
    private static final byte VERSION_1 = 1;
    private static final int FIXED = 1 + 8 + 4 * 7 + 8 * 7 + 4 + 4 + 8 + 8 + 4;
    private static final int MAX_PAYLOAD_ID = 64;
    private static final int MAX_VERIFIER = 64;
    private static final int MAX_TARGET = 4096 * 4;
    /** An encoded ACL of a few thousand ACEs at most (the gateways bound theirs far below). */
    private static final int MAX_ACL = 256 * 1024;

    private InodeCodec() {
    }

    public static byte[] encode(Inode i) {
        byte[] target = i.target().getBytes(StandardCharsets.UTF_8);
        byte[] payload = i.payloadId();
        byte[] verifier = i.verifier();
        byte[] acl = i.acl() == null ? null : i.acl().toByteArray();
        ByteBuffer b = ByteBuffer.allocate(FIXED + 2 + payload.length + 2 + verifier.length + 4 + target.length
                + 4 + (acl == null ? 0 : acl.length));
        b.put(VERSION).putLong(i.id()).putInt(i.share()).putInt(i.generation()).putInt(i.type().getNumber())
                .putInt(i.mode()).putInt(i.nlink()).putInt(i.uid()).putInt(i.gid())
                .putLong(i.size()).putLong(i.atime()).putLong(i.mtime()).putLong(i.ctime()).putLong(i.btime())
                .putLong(i.change()).putLong(0L)
                .putInt(i.rdevMajor()).putInt(i.rdevMinor()).putLong(i.parent()).putLong(i.nextCookie())
                .putInt(i.dosAttributes());
        b.putShort((short) payload.length).put(payload);
        b.putShort((short) verifier.length).put(verifier);
        b.putInt(target.length).put(target);
        // -1: no explicit ACL (an empty ACL is a valid one that denies everything)
        if (acl == null) {
            b.putInt(-1);
        } else {
            b.putInt(acl.length).put(acl);
        }
        return b.array();
    }

    /** @throws IllegalArgumentException for anything that is not an encoded inode */
    public static Inode decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte version = b.get();
            if (version != VERSION && version != VERSION_1) {
                throw new IllegalArgumentException("unknown inode encoding version " + version);
            }
            Inode.Edit e = new Inode.Edit();
            e.id = b.getLong();
            e.share = b.getInt();
            e.generation = b.getInt();
            e.type = FileType.forNumber(b.getInt());
            if (e.type == null || e.type == FileType.FILE_TYPE_UNSPECIFIED) {
                throw new IllegalArgumentException("bad file type in inode");
            }
            e.mode = b.getInt();
            e.nlink = b.getInt();
            e.uid = b.getInt();
            e.gid = b.getInt();
            e.size = b.getLong();
            e.atime = b.getLong();
            e.mtime = b.getLong();
            e.ctime = b.getLong();
            e.btime = b.getLong();
            e.change = b.getLong();
            b.getLong(); // reserved
            e.rdevMajor = b.getInt();
            e.rdevMinor = b.getInt();
            e.parent = b.getLong();
            e.nextCookie = b.getLong();
            e.dosAttributes = b.getInt();
            e.payloadId = bytes(b, Short.toUnsignedInt(b.getShort()), MAX_PAYLOAD_ID);
            e.verifier = bytes(b, Short.toUnsignedInt(b.getShort()), MAX_VERIFIER);
            byte[] target = bytes(b, b.getInt(), MAX_TARGET);
            // only symlinks have a target: the others need no decoder (one allocated per call otherwise)
            e.target = target.length == 0 ? "" : StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(target)).toString();
            if (version == VERSION) {
                int aclLength = b.getInt();
                if (aclLength != -1) {
                    e.acl = Acl.parseFrom(bytes(b, aclLength, MAX_ACL));
                }
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after inode");
            }
            return e.build();
        } catch (BufferUnderflowException ex) {
            throw new IllegalArgumentException("truncated inode", ex);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new IllegalArgumentException("ACL is not an encoded Acl", ex);
        } catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("symlink target is not UTF-8", ex);
        }
    }

    private static byte[] bytes(ByteBuffer b, int length, int max) {
        if (length < 0 || length > max || length > b.remaining()) {
            throw new IllegalArgumentException("bad length " + length + " (max " + max + ", remaining " + b.remaining() + ")");
        }
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }
}
