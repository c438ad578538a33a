package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.locks.OpenSpec;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Status;

/**
 * REMOVE, RENAME and LINK of a file, and SETATTR of its size, conflict with another client's
 * delegation of it (RFC 8881 §10.4.2 / RFC 7530 §10.4.1): before they run, the lock-service is
 * asked as if the caller opened the file for DELETE (or WRITE for a size change), which recalls a
 * conflicting delegation; meanwhile the operation answers DELAY. The caller's own delegations do not
 * conflict (4.1 names the client through the session; a 4.0 operation does not name one, so there
 * any delegation of the file is recalled). Only asked while this gateway has delegations out.
 */
final class DelegationBreaks {

    private DelegationBreaks() {
    }

    /** OK, or DELAY while a delegation of the file named {@code name} in {@code dir} is recalled. */
    static int byName(CompoundContext c, Handle dir, String name, int access) {
        if (!c.server().opens().delegations().any()) {
            return Nfs4Status.OK;
        }
        var found = c.server().fs().lookup(c.principal(), dir, name);
        if (!found.status().ok()) {
            return Nfs4Status.OK;
        }
        return of(c, found.handle(), access);
    }

    static int of(CompoundContext c, Handle file, int access) {
        if (!c.server().opens().delegations().any()) {
            return Nfs4Status.OK;
        }
        var lockClient = c.session() == null ? null : c.server().clients().lockClient(c.session().clientId());
        return c.server().opens().breakDelegations(lockClient, file, access);
    }

    static final int DELETE = OpenSpec.DELETE;
    static final int WRITE = OpenSpec.WRITE;
}
