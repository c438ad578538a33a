package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * One NFSv3 procedure: a pure decoder for its arguments and the operation itself.
 *
 * @param <A> the decoded arguments
 */
public interface Nfs3Procedure<A> {

    int number();

    /** Pure and bounded: bad input is an XdrException (GARBAGE_ARGS), never anything unchecked. */
    A decode(XdrReader in) throws XdrException;

    /** The handle whose share rules (network, read-only, squash) apply; null for NULL. */
    Handle handle(A args);

    /** Changes state: refused with ROFS on a read-only share. */
    boolean mutating();

    /** Answered from the duplicate request cache when retransmitted. */
    default boolean nonIdempotent() {
        return mutating();
    }

    /**
     * Worth answering on the event loop when the services are in this process: a read whose
     * service calls may be answered from memory (metadata from the store's caches, READ's data from
     * resident block pages; see RpcProgram#inlinable). A procedure that changes state only if
     * running it again after a partial run changes nothing more than running it once (UNSTABLE
     * WRITE: the same bytes at the same offset), since a step that would block makes the whole call
     * run again off the event loop.
     */
    default boolean inlinable() {
        return false;
    }

    void execute(Nfs3Request req, A args, XdrWriter out);

    /** Writes {@code status} and this procedure's failure body (no data known). */
    void failure(XdrWriter out, int status);

    static void attrFailure(XdrWriter out, int status) {
        out.writeInt(status).writeBool(false);
    }

    /** status plus post_op_attr, for failures where the attributes are known. */
    static void attrFailure(XdrWriter out, int status, io.dittofs.gateway.fs.model.FileAttr attr) {
        out.writeInt(status);
        Nfs3Xdr.postOpAttr(out, attr);
    }

    static void wccFailure(XdrWriter out, int status) {
        out.writeInt(status);
        Nfs3Xdr.emptyWcc(out);
    }
}
