package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.OplockBreak;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * OPLOCK_BREAK acknowledgment (MS-SMB2 3.3.5.22.1): the holder of a breaking oplock takes the
 * level it was told (or none); the lock-service keeps that much of the grant and the CREATE that
 * waited for the break goes on. A lease break acknowledgment finds no lease (none are granted).
 */
final class OplockBreakAck implements SmbCommandHandler {

    private final FileCommands files;

    OplockBreakAck(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        if (OplockBreak.structureSize(req.body()) == OplockBreak.LEASE_ACK_SIZE) {
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        OplockBreak ack = OplockBreak.decode(req.body());
        SmbOpen o = files.opens.find(req, ack.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        int to = o.breakingTo();
        if (to < 0) {
            return SmbResult.fail(NtStatus.INVALID_OPLOCK_PROTOCOL);
        }
        int level = ack.oplockLevel();
        if ((level != Oplocks.NONE && level != Oplocks.LEVEL_II) || level > to) {
            // an acknowledgment of more than was offered ends with no oplock at all
            files.service.oplocks.acknowledged(o, Oplocks.NONE);
            return SmbResult.fail(NtStatus.INVALID_OPLOCK_PROTOCOL);
        }
        files.service.oplocks.acknowledged(o, level);
        OplockBreak resp = new OplockBreak(level, o.id());
        return SmbResult.ok(resp::encode);
    }
}
