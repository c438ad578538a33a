package io.dittofs.gateway.fs.model;

/** Access rights asked of and granted by the namespace (a bit set). */
public final class AccessBits {

    public static final int READ = 0x01;
    public static final int LOOKUP = 0x02;
    public static final int MODIFY = 0x04;
    public static final int EXTEND = 0x08;
    public static final int DELETE = 0x10;
    public static final int EXECUTE = 0x20;
    /** Every bit that changes the object or its directory. */
    public static final int WRITES = MODIFY | EXTEND | DELETE;

    private AccessBits() {
    }
}
