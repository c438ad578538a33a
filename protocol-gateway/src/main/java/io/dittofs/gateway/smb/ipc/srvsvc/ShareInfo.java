package io.dittofs.gateway.smb.ipc.srvsvc;

/**
 * One share as srvsvc describes it (MS-SRVS 2.2.4.22 ff.).
 *
 * @param type  STYPE_* (disk 0, IPC 3, with the special bit for IPC$)
 * @param flags SHI1005_FLAGS_* (encrypt data 0x8000)
 */
public record ShareInfo(String name, int type, String remark, String path, int flags) {

    public static final int STYPE_DISKTREE = 0;
    public static final int STYPE_IPC = 3;
    public static final int STYPE_SPECIAL = 0x80000000;
    public static final int SHI1005_FLAGS_ENCRYPT_DATA = 0x8000;
}
