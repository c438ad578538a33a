package io.dittofs.gateway.smb.wire;

/**
 * The durable-handle create contexts (MS-SMB2 2.2.13.2.3/4, 2.2.13.2.11/12, 2.2.14.2.3/12): decoded
 * from their exact sizes (anything else is a malformed request), answered by {@link #v1Response}
 * and {@link #v2Response}.
 */
public final class DurableContexts {

    /** SMB2_CREATE_DURABLE_HANDLE_REQUEST: 16 reserved bytes. */
    public static final String V1_REQUEST = "DHnQ";
    /** SMB2_CREATE_DURABLE_HANDLE_RECONNECT: the FileId of the open to reclaim. */
    public static final String V1_RECONNECT = "DHnC";
    /** SMB2_CREATE_DURABLE_HANDLE_REQUEST_V2: Timeout, Flags, 8 reserved, CreateGuid. */
    public static final String V2_REQUEST = "DH2Q";
    /** SMB2_CREATE_DURABLE_HANDLE_RECONNECT_V2: FileId, CreateGuid, Flags. */
    public static final String V2_RECONNECT = "DH2C";
    /** SMB2_DHANDLE_FLAG_PERSISTENT. */
    public static final int FLAG_PERSISTENT = 0x2;

    private DurableContexts() {
    }

    /** A DH2Q: the timeout asked for (ms, 0 = the server's choice), its flags and the client's CreateGuid. */
    public record V2Request(long timeoutMs, int flags, byte[] createGuid) {
        public V2Request {
            createGuid = createGuid.clone();
        }

        @Override
        public byte[] createGuid() {
            return createGuid.clone();
        }

        public boolean persistent() {
            return (flags & FLAG_PERSISTENT) != 0;
        }
    }

    /** A DH2C: which open, the CreateGuid it was made with, flags. */
    public record V2Reconnect(FileId fileId, byte[] createGuid, int flags) {
        public V2Reconnect {
            createGuid = createGuid.clone();
        }

        @Override
        public byte[] createGuid() {
            return createGuid.clone();
        }
    }

    /** DHnQ: 16 reserved bytes; any other size is malformed. */
    public static void v1Request(byte[] data) throws WireException {
        exact(data, 16, V1_REQUEST);
    }

    public static FileId v1Reconnect(byte[] data) throws WireException {
        exact(data, 16, V1_RECONNECT);
        return FileId.decode(SmbReader.of(data));
    }

    public static V2Request v2Request(byte[] data) throws WireException {
        exact(data, 32, V2_REQUEST);
        SmbReader r = SmbReader.of(data);
        long timeout = r.u32();
        int flags = r.i32();
        r.skip(8);
        return new V2Request(timeout, flags, r.bytes(16));
    }

    public static V2Reconnect v2Reconnect(byte[] data) throws WireException {
        exact(data, 36, V2_RECONNECT);
        SmbReader r = SmbReader.of(data);
        FileId id = FileId.decode(r);
        byte[] guid = r.bytes(16);
        return new V2Reconnect(id, guid, r.i32());
    }

    /** SMB2_CREATE_DURABLE_HANDLE_RESPONSE: 8 reserved bytes. */
    public static CreateContext v1Response() {
        return new CreateContext(V1_REQUEST, new byte[8]);
    }

    /** SMB2_CREATE_DURABLE_HANDLE_RESPONSE_V2: the timeout granted (ms) and flags (never persistent here). */
    public static CreateContext v2Response(long timeoutMs, int flags) {
        SmbWriter w = new SmbWriter(8);
        w.i32((int) timeoutMs).i32(flags);
        return new CreateContext(V2_REQUEST, w.toByteArray());
    }

    private static void exact(byte[] data, int size, String name) throws WireException {
        if (data.length != size) {
            throw new WireException(name + " context of " + data.length + " bytes, not " + size);
        }
    }
}
