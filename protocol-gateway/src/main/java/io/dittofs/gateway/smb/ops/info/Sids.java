package io.dittofs.gateway.smb.ops.info;

import io.dittofs.gateway.fs.model.Acl;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * SIDs (MS-DTYP 2.4.2) and whom they stand for in the ACL model: {@code S-1-22-1-uid} and
 * {@code S-1-22-2-gid} (the Unix-id SIDs Samba uses) are a user and a group, Everyone
 * ({@code S-1-1-0}) is EVERYONE, CREATOR OWNER / CREATOR GROUP ({@code S-1-3-0}, {@code S-1-3-1})
 * are the object's OWNER and GROUP; any other SID is kept as its string.
 */
public final class Sids {

    /** MS-DTYP 2.4.2: at most 15 sub-authorities. */
    static final int MAX_SUB_AUTHORITIES = 15;

    private Sids() {
    }

    /** The principal of an ACE naming {@code sid} (a binary SID, already bounds-checked). */
    static Acl.Ace ace(int type, int flags, int mask, byte[] sid) {
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (sid[i] & 0xff);
        }
        int count = sid[1] & 0xff;
        if (authority == 22 && count == 2 && (sub(sid, 0) == 1 || sub(sid, 0) == 2)) {
            boolean user = sub(sid, 0) == 1;
            return new Acl.Ace(type, flags, mask, user ? Acl.Who.UID : Acl.Who.GID, sub(sid, 1), null);
        }
        if (authority == 1 && count == 1 && sub(sid, 0) == 0) {
            return new Acl.Ace(type, flags, mask, Acl.Who.EVERYONE, 0, null);
        }
        if (authority == 3 && count == 1 && (sub(sid, 0) == 0 || sub(sid, 0) == 1)) {
            return new Acl.Ace(type, flags, mask, sub(sid, 0) == 0 ? Acl.Who.OWNER : Acl.Who.GROUP, 0, null);
        }
        return new Acl.Ace(type, flags, mask, Acl.Who.SID, 0, string(sid));
    }

    /** The binary SID an ACE names, or null when its SID string is not one. */
    static byte[] of(Acl.Ace a) {
        return switch (a.who()) {
            case UID -> SecurityDescriptors.unixSid(1, a.id());
            case GID -> SecurityDescriptors.unixSid(2, a.id());
            case EVERYONE -> SecurityDescriptors.sid(1, 0);
            case OWNER -> SecurityDescriptors.sid(3, 0);
            case GROUP -> SecurityDescriptors.sid(3, 1);
            case SID -> parse(a.sid());
        };
    }

    private static int sub(byte[] sid, int i) {
        int at = 8 + 4 * i;
        return (sid[at] & 0xff) | (sid[at + 1] & 0xff) << 8 | (sid[at + 2] & 0xff) << 16 | (sid[at + 3] & 0xff) << 24;
    }

    static String string(byte[] sid) {
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (sid[i] & 0xff);
        }
        StringBuilder b = new StringBuilder("S-").append(sid[0] & 0xff).append('-').append(authority);
        for (int i = 0; i < (sid[1] & 0xff); i++) {
            b.append('-').append(Integer.toUnsignedLong(sub(sid, i)));
        }
        return b.toString();
    }

    /** "S-1-5-32-545" as a binary SID, or null when it is not a SID string. */
    static byte[] parse(String s) {
        if (s == null || !s.startsWith("S-")) {
            return null;
        }
        String[] parts = s.substring(2).split("-", -1);
        if (parts.length < 2 || parts.length - 2 > MAX_SUB_AUTHORITIES) {
            return null;
        }
        try {
            int revision = Integer.parseInt(parts[0]);
            long authority = Long.parseLong(parts[1]);
            if (revision < 0 || revision > 255 || authority < 0 || authority >= 1L << 48) {
                return null;
            }
            SmbWriter w = new SmbWriter(8 + 4 * (parts.length - 2));
            w.u8(revision).u8(parts.length - 2);
            for (int i = 5; i >= 0; i--) {
                w.u8((int) (authority >>> (8 * i)) & 0xff);
            }
            for (int i = 2; i < parts.length; i++) {
                long v = Long.parseLong(parts[i]);
                if (v < 0 || v > 0xFFFFFFFFL) {
                    return null;
                }
                w.i32((int) v);
            }
            return w.toByteArray();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
