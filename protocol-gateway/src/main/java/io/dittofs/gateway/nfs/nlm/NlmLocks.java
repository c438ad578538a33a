package io.dittofs.gateway.nfs.nlm;

import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockOutcome;
import io.dittofs.gateway.locks.LockTarget;

/** NLM lock arguments to and from the neutral lock records. */
final class NlmLocks {

    private NlmLocks() {
    }

    static LockTarget target(ClientRef client, NlmXdr.Lock l) {
        return new LockTarget(l.fh(), client, NlmOwners.encode(l.svid(), l.owner()), l.offset(), l.length());
    }

    /** The holder TEST reports; a non-NLM holder (NFSv4, SMB) has no svid and shows as svid 0. */
    static NlmXdr.Holder holder(LockOutcome.Conflict c) {
        boolean nlm = c.protocol() == io.dittofs.gateway.locks.LockProtocol.NLM;
        byte[] owner = c.owner();
        return new NlmXdr.Holder(c.exclusive(), nlm ? NlmOwners.svid(owner) : 0, nlm ? NlmOwners.oh(owner) : owner,
                c.offset(), c.length());
    }

    /** The nlm4_lock a GRANTED callback repeats back to the client. */
    static NlmXdr.Lock lock(String callerName, LockTarget t) {
        return new NlmXdr.Lock(callerName, t.file(), NlmOwners.oh(t.owner()), NlmOwners.svid(t.owner()), t.offset(),
                t.length());
    }

    /**
     * A range the file system cannot express: it starts past, or ends past, the largest signed 64-bit
     * file offset (the limit of every POSIX file). Length 0 ("to the end") always fits.
     */
    static boolean outOfRange(NlmXdr.Lock l) {
        if (l.offset() < 0) {
            return true;
        }
        return l.length() != 0 && Long.compareUnsigned(l.length() - 1, Long.MAX_VALUE - l.offset()) > 0;
    }
}
