package io.dittofs.gateway.smb.ipc;

import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * The parts of CREATE, READ, WRITE and CLOSE request bodies (MS-SMB2 2.2.13, 2.2.19, 2.2.21,
 * 2.2.15) a pipe needs, read with the same bounds as the file commands' codecs. The reader spans
 * the whole message and stands at the body; offsets are from the header start.
 */
final class PipeRequests {

    static final int MAX_NAME_BYTES = 512;

    record Read(FileId fileId, int length) {
    }

    record Write(FileId fileId, byte[] data) {
    }

    private PipeRequests() {
    }

    private static void structure(SmbReader r, int size, String what) throws WireException {
        if (r.u16() != size) {
            throw new WireException(what + " StructureSize is not " + size);
        }
    }

    /** The pipe name of a CREATE, without a leading backslash or "PIPE\" prefix. */
    static String createName(SmbReader r) throws WireException {
        structure(r, 57, "CREATE");
        r.skip(42);
        int nameOffset = r.u16();
        int nameLength = r.u16();
        if (nameLength > MAX_NAME_BYTES) {
            throw new WireException("CREATE name of " + nameLength + " bytes");
        }
        String name = SmbReader.utf16(r.slice(0, nameOffset, nameLength));
        if (name.startsWith("\\")) {
            name = name.substring(1);
        }
        if (name.regionMatches(true, 0, "PIPE\\", 0, 5)) {
            name = name.substring(5);
        }
        return name;
    }

    static Read read(SmbReader r) throws WireException {
        structure(r, 49, "READ");
        r.skip(2);
        long length = r.u32();
        r.skip(8);
        FileId id = FileId.decode(r);
        return new Read(id, (int) Math.min(length, Integer.MAX_VALUE));
    }

    static Write write(SmbReader r) throws WireException {
        structure(r, 49, "WRITE");
        int dataOffset = r.u16();
        long length = r.u32();
        r.skip(8);
        FileId id = FileId.decode(r);
        return new Write(id, r.slice(0, dataOffset, length));
    }

    static FileId close(SmbReader r) throws WireException {
        structure(r, 24, "CLOSE");
        r.skip(6);
        return FileId.decode(r);
    }
}
