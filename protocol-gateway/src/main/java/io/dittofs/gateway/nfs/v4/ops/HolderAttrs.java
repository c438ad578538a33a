package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.locks.OpenSpec;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Callbacks;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETATTR of a file another client holds a write delegation of (RFC 8881 §10.4.3): the holder may
 * have written into its cache, so its size and change are asked with CB_GETATTR and answered in
 * place of the server's. When the holder does not answer in time or answers an error, the
 * delegation is recalled (through the lock-service, as a conflicting read open would) and the
 * GETATTR answers DELAY, so the client asks again once the holder has flushed and returned it.
 */
final class HolderAttrs {

    /** How long a GETATTR waits for the holder's answer (the caller's GETATTR is held that long). */
    static final long WAIT_MS = 5_000;
    private static final Bitmap ASKED = Bitmap.of(Fattr4.CHANGE, Fattr4.SIZE, Fattr4.TIME_MODIFY);

    private HolderAttrs() {
    }

    /** The attributes as they stand with the holder's word; {@code status[0]} DELAY when it could not be had. */
    static FileAttr apply(CompoundContext c, Fh.Real file, Bitmap requested, FileAttr attr, int[] status) {
        status[0] = Nfs4Status.OK;
        var delegations = c.server().opens().delegations();
        // a 4.0 GETATTR does not name its client, so the holder itself could not be told apart:
        // 4.0 callers get the server's view (RFC 7530 §10.4.3 lets the server answer it)
        if (requested.and(ASKED).isEmpty() || !delegations.any() || c.session() == null) {
            return attr;
        }
        long caller = c.session().clientId();
        var held = delegations.writeHeldByOther(file.handle(), caller);
        if (held.isEmpty()) {
            return attr;
        }
        Optional<Nfs4Callbacks.HolderAttrs> said;
        try {
            said = c.server().callbacks().getattr(held.get()).get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            said = Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            said = Optional.empty();
        }
        if (said.isEmpty()) {
            c.server().opens().breakDelegations(c.server().clients().lockClient(caller), file.handle(), OpenSpec.READ);
            status[0] = Nfs4Status.DELAY;
            return attr;
        }
        long change = delegations.changeAfterCallback(held.get().other(), attr.change(), said.get().change());
        return new FileAttr(attr.type(), attr.mode(), attr.nlink(), attr.uid(), attr.gid(), said.get().size(),
                attr.spaceUsed(), attr.rdevMajor(), attr.rdevMinor(), attr.fsid(), attr.fileid(), attr.atime(),
                attr.mtime(), attr.ctime(), change, attr.content(), attr.btime(), attr.dosAttributes());
    }
}
