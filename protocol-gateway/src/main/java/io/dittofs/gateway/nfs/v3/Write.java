package io.dittofs.gateway.nfs.v3;

import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.Stability;
import java.nio.ByteBuffer;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/** NFSPROC3_WRITE (RFC 1813 §3.3.7): RecordWrite in the namespace, then the bytes to the block-service. */
public final class Write implements Nfs3Procedure<Write.Args> {

    /**
     * @param data a view of the call's record, valid while the call runs; not read-only, so that a
     *             heap record's array can be lent to the block-service without a copy — nothing writes it
     */
    public record Args(Handle file, long offset, long count, Stability stable, ByteBuffer data) {
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        Handle h = Nfs3Xdr.handle(in);
        long offset = in.readLong();
        long count = in.readUnsignedInt();
        Stability stable = stability(in.readEnum(2));
        var slice = in.readOpaqueSlice(FsInfo.MAX_TRANSFER);
        return new Args(h, offset, count, stable, slice.nioBuffer());
    }

    @Override
    public Handle handle(Args a) {
        return a.file();
    }

    @Override
    public boolean mutating() {
        return true;
    }

    @Override
    public boolean nonIdempotent() {
        // rewriting the same bytes at the same offset is harmless; not worth cache memory
        return false;
    }

    /**
     * An UNSTABLE write the services can take in memory (the metadata store's deferred inode
     * update, the block engine's overlay and log buffer) is answered on the event loop: no hand-off
     * to a virtual thread and back, which cost more than the write itself. If a step would block
     * after an earlier one succeeded, the whole write runs again off the event loop: RecordWrite
     * twice (the same size, later times) and the same bytes at the same offset, as when a client
     * retransmits.
     */
    @Override
    public boolean inlinable() {
        return true;
    }

    /**
     * Larger writes are not tried on the event loop: the block engine takes only writes smaller
     * than a block in memory (and at most a quarter block into sealed content), so a sequential
     * writer's 1 MiB WRITEs would run RecordWrite inline only to be handed off and run it again.
     */
    static final int MAX_INLINE_BYTES = 64 * 1024;

    @Override
    public void execute(Nfs3Request req, Args a, XdrWriter out) {
        if (NonBlocking.active() && (a.stable() != Stability.UNSTABLE || a.data().remaining() > MAX_INLINE_BYTES)) {
            // refused before RecordWrite, not after it: a stable write waits for the disk, and the
            // block engine hashes and stores large writes (whole blocks) rather than keep them
            throw NonBlocking.wouldBlock("a stable or large write");
        }
        int size = a.data().remaining();
        if (a.offset() < 0 || a.count() > size || a.offset() + size < 0) {
            Nfs3Procedure.wccFailure(out, a.offset() < 0 || a.offset() + size < 0 ? Nfs3Status.FBIG : Nfs3Status.INVAL);
            return;
        }
        ByteBuffer data = a.data().duplicate();
        if (a.count() < size) {
            data.limit(data.position() + (int) a.count());
        }
        // one-shot write: RecordWrite is both the permission check and the size update, so an
        // open per call would only add a namespace round trip
        var r = req.fs().write(req.principal(), a.file(), a.offset(), data, a.stable());
        out.writeInt(Nfs3Status.of(r.status()));
        Nfs3Xdr.wcc(out, r.wcc());
        if (r.status().ok()) {
            out.writeInt((int) r.count()).writeInt(stableHow(r.committed())).writeFixedOpaque(Verifiers.of(r.verifier()));
        }
    }

    /** stable_how (RFC 1813 §3.3.7): UNSTABLE = 0, DATA_SYNC = 1, FILE_SYNC = 2. */
    static Stability stability(int wire) {
        return switch (wire) {
            case 0 -> Stability.UNSTABLE;
            case 1 -> Stability.DATA_SYNC;
            default -> Stability.FILE_SYNC;
        };
    }

    static int stableHow(Stability s) {
        return switch (s) {
            case UNSTABLE -> 0;
            case DATA_SYNC -> 1;
            case FILE_SYNC -> 2;
        };
    }

    @Override
    public void failure(XdrWriter out, int status) {
        Nfs3Procedure.wccFailure(out, status);
    }
}
