package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.fs.model.Acl;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A self-relative security descriptor a client sets (MS-DTYP 2.4.6): the owner and group when they
 * are Unix-id SIDs ({@code S-1-22-1-uid}, {@code S-1-22-2-gid}), and the DACL as the file's ACL
 * (see {@link Sids} for whom each ACE names; access-allowed and access-denied ACEs are kept with
 * their masks and inheritance flags, other ACE types are dropped). A DACL flag without
 * SE_DACL_PRESENT, or SE_DACL_PRESENT without a DACL, is a NULL DACL. Every offset and count is
 * checked against the buffer.
 *
 * @param uid         new owner uid, or null (absent or not a Unix-id SID)
 * @param gid         new group gid, or null
 * @param dacl        the DACL as an ACL, or null when the DACL is not being set
 * @param daclPresent SE_DACL_PRESENT was set (a create context without it asks for the default DACL)
 */
public record SecurityDescriptorSet(Integer uid, Integer gid, Acl dacl, boolean daclPresent) {

    private static final int SE_DACL_PRESENT = 0x0004;
    public static final int MAX_ACES = 1024;
    /** Windows ACE flags: OI, CI, NP, IO are the ACE4 ones; INHERITED_ACE is 0x10 there, 0x80 here. */
    private static final int WIN_INHERIT_FLAGS = 0x0F;
    private static final int WIN_INHERITED = 0x10;
    static final int ACE4_INHERITED = 0x80;
    static final int ACE4_IDENTIFIER_GROUP = 0x40;

    /** @param which AdditionalInformation: OWNER, GROUP, DACL bits that the client sets */
    public static SecurityDescriptorSet decode(byte[] sd, int which) throws WireException {
        SmbReader r = SmbReader.of(sd);
        if (r.u8() != 1) {
            throw new WireException("security descriptor revision is not 1");
        }
        r.skip(1);
        int control = r.u16();
        long ownerOff = r.u32();
        long groupOff = r.u32();
        r.skip(4);
        long daclOff = r.u32();
        byte[] owner = (which & SecurityDescriptors.OWNER) != 0 && ownerOff != 0 ? sid(sd, ownerOff) : null;
        byte[] group = (which & SecurityDescriptors.GROUP) != 0 && groupOff != 0 ? sid(sd, groupOff) : null;
        Integer uid = owner == null ? null : unixId(owner, 1);
        Integer gid = group == null ? null : unixId(group, 2);
        Acl dacl = null;
        boolean present = (control & SE_DACL_PRESENT) != 0;
        if ((which & SecurityDescriptors.DACL) != 0) {
            // MS-DTYP 2.4.6: without SE_DACL_PRESENT, or with it but no DACL, everyone has access
            dacl = !present || daclOff == 0 ? Acl.ofNullDacl() : dacl(sd, daclOff);
        }
        return new SecurityDescriptorSet(uid, gid, dacl, present);
    }

    private static byte[] sid(byte[] sd, long offset) throws WireException {
        if (offset < 20 || offset + 8 > sd.length) {
            throw new WireException("SID offset " + offset + " outside " + sd.length + " bytes");
        }
        return sidAt(sd, (int) offset, sd.length);
    }

    private static byte[] sidAt(byte[] sd, int at, int end) throws WireException {
        if (at + 8 > end) {
            throw new WireException("SID outside its container");
        }
        int count = sd[at + 1] & 0xff;
        if (count > Sids.MAX_SUB_AUTHORITIES || at + 8 + 4L * count > end) {
            throw new WireException("SID of " + count + " sub-authorities outside its container");
        }
        return Arrays.copyOfRange(sd, at, at + 8 + 4 * count);
    }

    /** The id of S-1-22-{kind}-id, or null for any other SID. */
    private static Integer unixId(byte[] sid, int kind) {
        Acl.Ace a = Sids.ace(0, 0, 0, sid);
        Acl.Who want = kind == 1 ? Acl.Who.UID : Acl.Who.GID;
        return a.who() == want ? a.id() : null;
    }

    private static Acl dacl(byte[] sd, long offset) throws WireException {
        if (offset < 20 || offset + 8 > sd.length) {
            throw new WireException("DACL offset " + offset + " outside " + sd.length + " bytes");
        }
        SmbReader r = new SmbReader(sd, (int) offset, sd.length);
        r.skip(2);
        int size = r.u16();
        int count = r.u16();
        r.skip(2);
        if (count > MAX_ACES || size < 8 || offset + size > sd.length) {
            throw new WireException("DACL of " + count + " ACEs in " + size + " bytes");
        }
        List<Acl.Ace> aces = new ArrayList<>(count);
        int at = (int) offset + 8;
        int end = (int) offset + size;
        for (int i = 0; i < count; i++) {
            if (at + 8 > end) {
                throw new WireException("ACE " + i + " outside the DACL");
            }
            int type = sd[at] & 0xff;
            int flags = sd[at + 1] & 0xff;
            int aceSize = (sd[at + 2] & 0xff) | (sd[at + 3] & 0xff) << 8;
            if (aceSize < 16 || at + aceSize > end) {
                throw new WireException("ACE " + i + " of " + aceSize + " bytes outside the DACL");
            }
            int mask = (sd[at + 4] & 0xff) | (sd[at + 5] & 0xff) << 8 | (sd[at + 6] & 0xff) << 16 | (sd[at + 7] & 0xff) << 24;
            if (type == Acl.ALLOW || type == Acl.DENY) {
                byte[] sid = sidAt(sd, at + 8, at + aceSize);
                int f = (flags & WIN_INHERIT_FLAGS) | ((flags & WIN_INHERITED) != 0 ? ACE4_INHERITED : 0);
                Acl.Ace ace = Sids.ace(type, f, mask, sid);
                if (ace.who() == Acl.Who.GID || ace.who() == Acl.Who.GROUP) {
                    ace = new Acl.Ace(type, f | ACE4_IDENTIFIER_GROUP, mask, ace.who(), ace.id(), ace.sid());
                }
                aces.add(ace);
            }
            at += aceSize;
        }
        return new Acl(aces, false);
    }
}
