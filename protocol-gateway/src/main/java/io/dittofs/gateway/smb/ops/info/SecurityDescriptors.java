package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.fs.model.Acl;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * A self-relative NT security descriptor (MS-DTYP 2.4.6) of a file: owner {@code S-1-22-1-uid},
 * group {@code S-1-22-2-gid} (the Unix-id SIDs Samba uses), and as DACL the file's explicit ACL
 * (a NULL DACL when it is one; see {@link Sids} for the SIDs) or, without one, three allow ACEs
 * (owner, group, Everyone) with the rights the mode bits give.
 */
public final class SecurityDescriptors {

    public static final int OWNER = 0x1;
    public static final int GROUP = 0x2;
    public static final int DACL = 0x4;
    public static final int SACL = 0x8;

    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int SE_SELF_RELATIVE = 0x8000;

    private SecurityDescriptors() {
    }

    public static byte[] encode(FileAttr a, int which) {
        byte[] owner = (which & OWNER) != 0 ? unixSid(1, a.uid()) : null;
        byte[] group = (which & GROUP) != 0 ? unixSid(2, a.gid()) : null;
        boolean nullDacl = (which & DACL) != 0 && a.acl() != null && a.acl().nullDacl();
        byte[] dacl = (which & DACL) == 0 || nullDacl ? null : a.acl() != null ? dacl(a.acl()) : dacl(a);
        SmbWriter w = new SmbWriter(160);
        int at = 20;
        int ownerOff = owner == null ? 0 : at;
        at += owner == null ? 0 : owner.length;
        int groupOff = group == null ? 0 : at;
        at += group == null ? 0 : group.length;
        int daclOff = dacl == null ? 0 : at;
        w.u8(1).u8(0).u16(SE_SELF_RELATIVE | (dacl == null && !nullDacl ? 0 : SE_DACL_PRESENT))
                .i32(ownerOff).i32(groupOff).i32(0).i32(daclOff);
        if (owner != null) {
            w.bytes(owner);
        }
        if (group != null) {
            w.bytes(group);
        }
        if (dacl != null) {
            w.bytes(dacl);
        }
        return w.toByteArray();
    }

    /** S-1-22-{kind}-{id}. */
    static byte[] unixSid(int kind, int id) {
        return sid(22, kind, id);
    }

    static byte[] sid(int authority, int... subs) {
        SmbWriter w = new SmbWriter(8 + 4 * subs.length);
        w.u8(1).u8(subs.length).zeros(5).u8(authority);
        for (int s : subs) {
            w.i32(s);
        }
        return w.toByteArray();
    }

    /** The ACL as a DACL: ALLOW and DENY entries, ACE4 inheritance flags as Windows ones. */
    static byte[] dacl(Acl acl) {
        java.util.List<byte[]> aces = new java.util.ArrayList<>();
        for (Acl.Ace a : acl.aces()) {
            byte[] sid = Sids.of(a);
            if (sid == null || a.type() != Acl.ALLOW && a.type() != Acl.DENY) {
                continue;
            }
            int flags = (a.flags() & 0x0F) | ((a.flags() & SecurityDescriptorSet.ACE4_INHERITED) != 0 ? 0x10 : 0);
            SmbWriter w = new SmbWriter(8 + sid.length);
            w.u8(a.type()).u8(flags).u16(8 + sid.length).i32(a.mask()).bytes(sid);
            aces.add(w.toByteArray());
        }
        return list(aces.toArray(new byte[0][]));
    }

    private static byte[] list(byte[][] aces) {
        int size = 8;
        for (byte[] ace : aces) {
            size += ace.length;
        }
        SmbWriter w = new SmbWriter(size);
        w.u8(2).u8(0).u16(size).u16(aces.length).u16(0);
        for (byte[] ace : aces) {
            w.bytes(ace);
        }
        return w.toByteArray();
    }

    private static byte[] dacl(FileAttr a) {
        int mode = a.mode();
        boolean dir = a.type() == FileType.DIRECTORY;
        byte[][] aces = {
            // the owner may also read and change the security descriptor and the ownership
            ace(rights(mode >> 6, dir) | 0x000E0000, unixSid(1, a.uid())),
            ace(rights(mode >> 3, dir), unixSid(2, a.gid())),
            ace(rights(mode, dir), sid(1, 0)),
        };
        return list(aces);
    }

    private static int rights(int bits, boolean dir) {
        int m = 0x80 | 0x8 | 0x20000 | 0x100000; // read attributes, read EA, read control, synchronize
        if ((bits & 4) != 0) {
            m |= 0x1;
        }
        if ((bits & 2) != 0) {
            m |= 0x2 | 0x4 | 0x10 | 0x100 | (dir ? 0x40 : 0);
        }
        if ((bits & 1) != 0) {
            m |= 0x20;
        }
        return m;
    }

    private static byte[] ace(int mask, byte[] sid) {
        SmbWriter w = new SmbWriter(8 + sid.length);
        w.u8(0).u8(0).u16(8 + sid.length).i32(mask).bytes(sid);
        return w.toByteArray();
    }
}
