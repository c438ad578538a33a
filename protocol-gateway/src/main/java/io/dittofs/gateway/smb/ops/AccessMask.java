package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.AccessBits;
import io.dittofs.gateway.locks.OpenSpec;

/** NT access masks (MS-DTYP 2.4.3, MS-SMB2 2.2.13.1) and their translation to neutral access and share bits. */
public final class AccessMask {

    public static final int READ_DATA = 0x1;
    public static final int WRITE_DATA = 0x2;
    public static final int APPEND_DATA = 0x4;
    public static final int READ_EA = 0x8;
    public static final int WRITE_EA = 0x10;
    public static final int EXECUTE = 0x20;
    public static final int DELETE_CHILD = 0x40;
    public static final int READ_ATTRIBUTES = 0x80;
    public static final int WRITE_ATTRIBUTES = 0x100;
    public static final int DELETE = 0x10000;
    public static final int READ_CONTROL = 0x20000;
    public static final int WRITE_DAC = 0x40000;
    public static final int WRITE_OWNER = 0x80000;
    public static final int SYNCHRONIZE = 0x100000;
    public static final int SYSTEM_SECURITY = 0x1000000;
    public static final int MAXIMUM_ALLOWED = 0x2000000;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_READ = 0x80000000;

    public static final int FILE_ALL = 0x1F01FF;
    static final int FILE_READ = READ_DATA | READ_EA | READ_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE;
    static final int FILE_WRITE = WRITE_DATA | APPEND_DATA | WRITE_EA | WRITE_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE;
    static final int FILE_EXEC = EXECUTE | READ_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE;
    /** Rights that change the file or its directory: refused on a read-only tree. */
    static final int MODIFYING = WRITE_DATA | APPEND_DATA | WRITE_EA | WRITE_ATTRIBUTES | DELETE | WRITE_DAC
            | WRITE_OWNER | DELETE_CHILD;
    /** Bits MS-SMB2 3.3.5.9 calls invalid in DesiredAccess. */
    static final int INVALID = 0x0CE0FE00;

    public static final int SHARE_READ = 0x1;
    public static final int SHARE_WRITE = 0x2;
    public static final int SHARE_DELETE = 0x4;

    private AccessMask() {
    }

    /** Generic rights expanded to the specific file rights (MS-SMB2 2.2.13.1.1 mapping). */
    public static int expand(int mask) {
        int m = mask & ~(GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ);
        if ((mask & GENERIC_ALL) != 0) {
            m |= FILE_ALL;
        }
        if ((mask & GENERIC_READ) != 0) {
            m |= FILE_READ;
        }
        if ((mask & GENERIC_WRITE) != 0) {
            m |= FILE_WRITE;
        }
        if ((mask & GENERIC_EXECUTE) != 0) {
            m |= FILE_EXEC;
        }
        return m;
    }

    /** The NT rights the namespace's answer to an ACCESS question allows (plus what every caller may do). */
    public static int fromNeutral(int bits, boolean directory, boolean mayModify, boolean owner) {
        int m = READ_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE | READ_EA;
        if ((bits & AccessBits.READ) != 0) {
            // reading an executable is executing it for SMB clients; Samba and Windows grant both
            m |= READ_DATA | EXECUTE;
        }
        if ((bits & (AccessBits.EXECUTE | AccessBits.LOOKUP)) != 0) {
            m |= EXECUTE;
        }
        if (mayModify) {
            if ((bits & (AccessBits.MODIFY | AccessBits.EXTEND)) != 0) {
                // DELETE_CHILD is meaningless on a file but part of FILE_ALL_ACCESS, which clients ask for
                m |= WRITE_DATA | APPEND_DATA | WRITE_EA | DELETE_CHILD;
            }
            // whether the file may go is the directory's question, asked when it is removed
            m |= DELETE | WRITE_ATTRIBUTES;
            if (owner) {
                m |= WRITE_DAC | WRITE_OWNER;
            }
        }
        return m;
    }

    /** The lock-service share bits an open uses: read, write, delete. */
    public static int shareAccess(int granted) {
        int a = 0;
        if ((granted & (READ_DATA | EXECUTE)) != 0) {
            a |= OpenSpec.READ;
        }
        if ((granted & (WRITE_DATA | APPEND_DATA)) != 0) {
            a |= OpenSpec.WRITE;
        }
        if ((granted & DELETE) != 0) {
            a |= OpenSpec.DELETE;
        }
        return a;
    }

    /** What an open denies others: the complement of its ShareAccess. */
    public static int shareDeny(int shareAccess) {
        int deny = 0;
        if ((shareAccess & SHARE_READ) == 0) {
            deny |= OpenSpec.READ;
        }
        if ((shareAccess & SHARE_WRITE) == 0) {
            deny |= OpenSpec.WRITE;
        }
        if ((shareAccess & SHARE_DELETE) == 0) {
            deny |= OpenSpec.DELETE;
        }
        return deny;
    }
}
