package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.CloseRequest;
import io.dittofs.gateway.smb.wire.CloseResponse;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;

/**
 * CLOSE (MS-SMB2 3.3.5.10): ends the open (locks, share reservation, delete-on-close) and, with
 * POSTQUERY_ATTRIB, answers the file's attributes as they are after the close.
 */
final class Close implements SmbCommandHandler {

    private final FileCommands files;

    Close(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        CloseRequest c = CloseRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, c.fileId());
        if (o == null || !files.opens.remove(o)) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        boolean post = (c.flags() & CloseRequest.POSTQUERY_ATTRIB) != 0;
        FileAttr before = post ? files.attr(o) : null;
        int removed = files.release(o);
        if (removed != NtStatus.SUCCESS && removed != NtStatus.OBJECT_NAME_NOT_FOUND) {
            // the open is gone either way; the client learns the delete did not happen
            return SmbResult.fail(removed);
        }
        FileAttr after = post && !files.service.files.deletePending(o.handle()) ? files.attr(o) : null;
        FileAttr shown = after != null ? after : before;
        CloseResponse resp = new CloseResponse(post && shown != null ? files.service.times.basics(shown) : null);
        return new SmbResult.Done(NtStatus.SUCCESS, resp::encode, o.id());
    }
}
