package io.dittofs.gateway.smb.wire;

/** SMB2 dialect revisions (MS-SMB2 2.2.3). */
public final class Dialect {

    public static final int SMB_2_0_2 = 0x0202;
    public static final int SMB_2_1 = 0x0210;
    public static final int SMB_3_0 = 0x0300;
    public static final int SMB_3_0_2 = 0x0302;
    public static final int SMB_3_1_1 = 0x0311;
    /** "SMB2 wildcard": the answer to an SMB1 negotiate offering "SMB 2.???"; the client negotiates again. */
    public static final int WILDCARD = 0x02FF;

    private Dialect() {
    }

    public static boolean isSmb3(int dialect) {
        return dialect >= SMB_3_0 && dialect != WILDCARD;
    }

    public static String name(int dialect) {
        return switch (dialect) {
            case SMB_2_0_2 -> "2.0.2";
            case SMB_2_1 -> "2.1";
            case SMB_3_0 -> "3.0";
            case SMB_3_0_2 -> "3.0.2";
            case SMB_3_1_1 -> "3.1.1";
            case WILDCARD -> "2.???";
            default -> String.format("0x%04x", dialect);
        };
    }
}
