package io.dittofs.gateway.smb.ipc.rpc;

/** A call answered with a fault PDU carrying {@code status} (C706 Appendix E / MS-RPCE 2.2.2.11). */
public final class RpcFault extends Exception {

    public static final int OP_RANGE_ERROR = 0x1c010002;
    public static final int UNKNOWN_INTERFACE = 0x1c010003;
    public static final int PROTOCOL_ERROR = 0x1c01000b;
    /** nca_s_fault_ndr: the stub did not decode. */
    public static final int NDR = 0x000006f7;

    private final int status;

    public RpcFault(int status) {
        super(String.format("DCE/RPC fault 0x%08x", status));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
