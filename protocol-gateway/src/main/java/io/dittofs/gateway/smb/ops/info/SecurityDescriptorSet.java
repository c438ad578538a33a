package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.Arrays;

/**
 * A self-relative security descriptor a client sets (MS-DTYP 2.4.6), read as far as mode bits can
 * hold it: the owner and group SIDs when they are Unix-id SIDs ({@code S-1-22-1-uid},
 * {@code S-1-22-2-gid}), and the DACL's allow and deny ACEs for the owner, the group and Everyone
 * folded into rwx triplets (read data, write data, execute). Other SIDs and rights do not map and
 * are ignored. Every offset and count is checked against the buffer.
 *
 * @param uid  new owner uid, or null (absent or not a Unix-id SID)
 * @param gid  new group gid, or null
 * @param mode new permission bits (0777), or null without a DACL
 */
public record SecurityDescriptorSet(Integer uid, Integer gid, Integer mode) {

    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int MAX_ACES = 1024;
    private static final byte[] EVERYONE = SecurityDescriptors.sid(1, 0);

    /**
     * @param which   AdditionalInformation: OWNER, GROUP, DACL bits that the client sets
     * @param fileUid the file's owner now (its SID stands for "owner" when the descriptor names none)
     * @param fileGid the file's group now
     */
    public static SecurityDescriptorSet decode(byte[] sd, int which, int fileUid, int fileGid) throws WireException {
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
        Integer mode = null;
        if ((which & SecurityDescriptors.DACL) != 0 && (control & SE_DACL_PRESENT) != 0) {
            byte[] ownerSid = owner != null ? owner : SecurityDescriptors.unixSid(1, uid != null ? uid : fileUid);
            byte[] groupSid = group != null ? group : SecurityDescriptors.unixSid(2, gid != null ? gid : fileGid);
            // a NULL DACL (present, no offset) grants everyone everything
            mode = daclOff == 0 ? 0777 : dacl(sd, daclOff, ownerSid, groupSid);
        }
        return new SecurityDescriptorSet(uid, gid, mode);
    }

    private static byte[] sid(byte[] sd, long offset) throws WireException {
        if (offset < 20 || offset + 8 > sd.length) {
            throw new WireException("SID offset " + offset + " outside " + sd.length + " bytes");
        }
        int count = sd[(int) offset + 1] & 0xff;
        if (count > 15 || offset + 8 + 4L * count > sd.length) {
            throw new WireException("SID of " + count + " sub-authorities outside the descriptor");
        }
        return Arrays.copyOfRange(sd, (int) offset, (int) offset + 8 + 4 * count);
    }

    /** The id of S-1-22-{kind}-id, or null for any other SID. */
    private static Integer unixId(byte[] sid, int kind) {
        if (sid.length != 16 || sid[1] != 2 || sid[7] != 22) {
            return null;
        }
        for (int i = 2; i < 7; i++) {
            if (sid[i] != 0) {
                return null;
            }
        }
        int k = (sid[8] & 0xff) | (sid[9] & 0xff) << 8 | (sid[10] & 0xff) << 16 | (sid[11] & 0xff) << 24;
        int id = (sid[12] & 0xff) | (sid[13] & 0xff) << 8 | (sid[14] & 0xff) << 16 | (sid[15] & 0xff) << 24;
        return k == kind ? id : null;
    }

    private static int dacl(byte[] sd, long offset, byte[] ownerSid, byte[] groupSid) throws WireException {
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
        int[] allow = new int[3];
        int[] deny = new int[3];
        int at = (int) offset + 8;
        int end = (int) offset + size;
        for (int i = 0; i < count; i++) {
            if (at + 8 > end) {
                throw new WireException("ACE " + i + " outside the DACL");
            }
            int type = sd[at] & 0xff;
            int aceSize = (sd[at + 2] & 0xff) | (sd[at + 3] & 0xff) << 8;
            if (aceSize < 16 || at + aceSize > end) {
                throw new WireException("ACE " + i + " of " + aceSize + " bytes outside the DACL");
            }
            int mask = (sd[at + 4] & 0xff) | (sd[at + 5] & 0xff) << 8 | (sd[at + 6] & 0xff) << 16 | (sd[at + 7] & 0xff) << 24;
            byte[] sid = Arrays.copyOfRange(sd, at + 8, at + aceSize);
            int bits = rwx(mask);
            int[] target = type == 0 ? allow : type == 1 ? deny : null;
            if (target != null) {
                if (prefix(sid, ownerSid)) {
                    target[0] |= bits;
                } else if (prefix(sid, groupSid)) {
                    target[1] |= bits;
                } else if (prefix(sid, EVERYONE)) {
                    // Everyone includes the owner and the group
                    target[0] |= bits;
                    target[1] |= bits;
                    target[2] |= bits;
                }
            }
            at += aceSize;
        }
        return (allow[0] & ~deny[0]) << 6 | (allow[1] & ~deny[1]) << 3 | (allow[2] & ~deny[2]);
    }

    private static boolean prefix(byte[] aceSid, byte[] sid) {
        return aceSid.length >= sid.length && Arrays.equals(aceSid, 0, sid.length, sid, 0, sid.length);
    }

    private static int rwx(int mask) {
        int full = (mask & 0x10000000) != 0 ? 7 : 0; // GENERIC_ALL
        int r = (mask & (0x1 | 0x80000000)) != 0 ? 4 : 0;
        int w = (mask & (0x2 | 0x40000000)) != 0 ? 2 : 0;
        int x = (mask & (0x20 | 0x20000000)) != 0 ? 1 : 0;
        return full | r | w | x;
    }
}
