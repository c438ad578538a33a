package io.dittofs.launcher.startup;

/** A setting users change when start-up fails: its environment variable and Spring property. */
public record Setting(String env, String property) {

    public static final Setting DATA_DIR = new Setting("DITTOFS_DATA_DIR", "dittofs.data-dir");
    public static final Setting NFS_PORT = new Setting("DITTOFS_NFS_PORT", "dittofs.nfs.port");
    public static final Setting NFS_ADDRESS = new Setting("DITTOFS_NFS_BINDADDRESS", "dittofs.nfs.bind-address");
    public static final Setting SMB_PORT = new Setting("DITTOFS_SMB_PORT", "dittofs.smb.port");
    public static final Setting PORTMAP_PORT = new Setting("DITTOFS_PORTMAP_PORT", "dittofs.nfs.portmap-port");
    public static final Setting API_PORT = new Setting("DITTOFS_API_PORT", "dittofs.control.http-port");
    public static final Setting API_ADDRESS = new Setting("DITTOFS_API_ADDRESS", "server.address");

    /** "DITTOFS_NFS_PORT (property dittofs.nfs.port)". */
    public String names() {
        return env + " (property " + property + ")";
    }
}
