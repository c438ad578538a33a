package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbWriter;

/**
 * FSCTL_GET_COMPRESSION and FSCTL_SET_COMPRESSION (MS-FSCC 2.3.22, 2.3.63). Nothing is stored
 * compressed and the volume does not announce FILE_FILE_COMPRESSION, so GET answers
 * COMPRESSION_FORMAT_NONE, SET of NONE succeeds, DEFAULT and LZNT1 are NOT_SUPPORTED and any other
 * value INVALID_PARAMETER.
 */
final class Compression implements FileFsctl {

    static final int GET = 0x0009003C;
    static final int SET = 0x0009C040;
    static final int FORMAT_NONE = 0;
    static final int FORMAT_DEFAULT = 1;
    static final int FORMAT_LZNT1 = 2;

    @Override
    public SmbResult handle(SmbRequest req, IoctlRequest io, SmbOpen o) {
        if (io.ctlCode() == GET) {
            if (io.maxOutputResponse() < 2) {
                return SmbResult.fail(NtStatus.INVALID_PARAMETER);
            }
            byte[] out = new SmbWriter(2).u16(FORMAT_NONE).toByteArray();
            return new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(GET, o.id(), out), o.id());
        }
        // changing a file's compression state is a write of its attributes (MS-FSA 2.1.5.9.34)
        if (!o.granted(AccessMask.WRITE_DATA | AccessMask.WRITE_ATTRIBUTES)) {
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        byte[] in = io.input();
        if (in.length < 2) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        int format = (in[0] & 0xff) | (in[1] & 0xff) << 8;
        return switch (format) {
            case FORMAT_NONE -> new SmbResult.Done(NtStatus.SUCCESS, IoctlRequest.response(SET, o.id(), new byte[0]), o.id());
            case FORMAT_DEFAULT, FORMAT_LZNT1 -> SmbResult.fail(NtStatus.NOT_SUPPORTED);
            default -> SmbResult.fail(NtStatus.INVALID_PARAMETER);
        };
    }
}
