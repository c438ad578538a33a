package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * One NFSv4 operation (nfs_argop4 / nfs_resop4 arm). The processor writes the opcode and the
 * status; {@link #execute} writes whatever follows the status in the result union and returns the
 * status.
 *
 * @param <A> decoded arguments
 */
public interface Nfs4Op<A> {

    int code();

    /** Bounded: never trusts a length beyond its protocol maximum. */
    A decode(XdrReader in) throws XdrException;

    /** Needs the share gate's MODIFY decision for the current filehandle's share first. */
    default boolean mutating() {
        return false;
    }

    int execute(CompoundContext c, A args, XdrWriter out);

    /**
     * What follows a failure status in this operation's result when the processor refuses it
     * before {@link #execute} (most results are void on failure; SETATTR's still has a bitmap).
     */
    default void writeFailureBody(XdrWriter out) {
    }
}
