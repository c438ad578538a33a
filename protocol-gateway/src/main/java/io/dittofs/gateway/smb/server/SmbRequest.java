package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.SmbReader;
import io.dittofs.gateway.smb.wire.WireException;
import java.net.InetAddress;

/**
 * One request as a handler sees it. {@code chainedFileId} is the file the previous request of a
 * related compound opened or used (null outside related chains): a handler reading a FileId of all
 * ones uses it instead ({@link #fileId(FileId)}).
 */
public record SmbRequest(Smb2Packet packet, SmbSession session, TreeConnect tree, FileId chainedFileId,
                         SmbConnectionState connection, InetAddress client) {

    public Smb2Header header() {
        return packet.header();
    }

    public SmbReader body() {
        return packet.body();
    }

    /** The FileId a request names, resolved against the chain; null when it says "chained" and nothing was opened. */
    public FileId fileId(FileId named) {
        return named.related() ? chainedFileId : named;
    }

    public FileId fileIdOrThrow(FileId named) throws WireException {
        FileId id = fileId(named);
        if (id == null) {
            throw new WireException("chained FileId without a previous open");
        }
        return id;
    }
}
