package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.concurrent.CompletableFuture;

/**
 * CHANGE_NOTIFY (MS-SMB2 3.3.5.19): watches a directory open for changes this gateway makes (any
 * protocol; another gateway's changes are not seen). The first request sets up the open's watch,
 * which collects changes from then on; a request answers what was collected or goes async until
 * the next change, CANCEL (CANCELLED) or the open's close (NOTIFY_CLEANUP — also on TREE_DISCONNECT
 * and LOGOFF, which close the opens).
 */
final class ChangeNotify implements SmbCommandHandler {

    private final FileCommands files;

    ChangeNotify(FileCommands files) {
        this.files = files;
    }

    @Override
    public SmbResult handle(SmbRequest req) throws WireException {
        ChangeNotifyRequest n = ChangeNotifyRequest.decode(req.body());
        SmbOpen o = files.opens.find(req, n.fileId());
        if (o == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        // any CompletionFilter is accepted (Windows takes undefined bits and never fires on them)
        if (!o.directory() || n.outputBufferLength() > files.service.settings.maxIoBytes()) {
            return SmbResult.fail(NtStatus.INVALID_PARAMETER);
        }
        if (!o.granted(AccessMask.READ_DATA)) {
            // FILE_LIST_DIRECTORY is READ_DATA's bit on a directory
            return SmbResult.fail(NtStatus.ACCESS_DENIED);
        }
        NotifyWatch w = watch(o, n);
        CompletableFuture<SmbResult> f = w.request(n.outputBufferLength());
        if (f.isDone()) {
            return f.join();
        }
        return new SmbResult.Pending(f, () -> w.cancel(f));
    }

    private NotifyWatch watch(SmbOpen o, ChangeNotifyRequest n) {
        synchronized (o) {
            NotifyWatch w = o.watch();
            if (w != null) {
                w.reset(n.completionFilter(), n.watchTree());
                return w;
            }
            NotifyWatch created = new NotifyWatch(o.handle(), n.completionFilter(), n.watchTree());
            o.watch(created);
            files.service.notifications.add(created);
            o.addPending(() -> {
                files.service.notifications.remove(created);
                created.close();
            });
            return created;
        }
    }
}
