package io.dittofs.gateway.access;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;
import java.net.InetAddress;

/**
 * "May this caller use the file behind these handle bytes?" for protocols that carry raw handles
 * outside NFS calls (NLM locks): the share gate's decision, then the file must exist. Answers a
 * neutral {@link FsStatus} each protocol maps in its own table.
 */
public final class HandleAccess {

    private final ShareGate gate;
    private final FileSystem fs;

    public HandleAccess(ShareGate gate, FileSystem fs) {
        this.gate = gate;
        this.fs = fs;
    }

    public FsStatus check(byte[] handle, InetAddress client, Principal caller, Intent intent) {
        if (handle.length == 0 || handle.length > Handle.MAX_BYTES) {
            return FsStatus.BADHANDLE;
        }
        Handle h = Handle.of(handle);
        if (h.shareId() < 0) {
            return FsStatus.BADHANDLE;
        }
        return switch (gate.check(h.shareId(), client, caller, intent)) {
            case Decision.Denied d -> switch (d.reason()) {
                case UNKNOWN_SHARE -> FsStatus.STALE;
                case NETWORK_DENIED, NO_PERMISSION -> FsStatus.ACCESS;
                case READ_ONLY -> FsStatus.ROFS;
            };
            case Decision.Allowed ok -> exists(ok.principal(), h);
        };
    }

    private FsStatus exists(Principal who, Handle h) {
        try {
            return fs.getAttr(who, h).status();
        } catch (ServiceCallException e) {
            return FsStatus.DELAY;
        }
    }
}
