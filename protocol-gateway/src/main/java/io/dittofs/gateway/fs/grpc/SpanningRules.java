package io.dittofs.gateway.fs.grpc;

import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.fs.model.ContentId;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.OpenFile;
import io.dittofs.gateway.fs.model.ReadResult;
import io.dittofs.gateway.fs.model.RemoveKind;
import io.dittofs.gateway.fs.model.RemoveResult;
import io.dittofs.gateway.fs.model.RenameResult;
import io.dittofs.gateway.fs.model.SetAttrResult;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.fs.model.Stability;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.fs.model.Wcc;
import io.dittofs.gateway.fs.model.WriteResult;
import io.dittofs.gateway.identity.Principal;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules that keep namespace and content in step, each the only place it is written:
 * write = RecordWrite then Write; size change = SetAttr then Truncate; last unlink = Remove then
 * release; the namespace's size bounds what a read returns (unwritten content reads as zeros).
 * A metadata-service whose content outbox reaches the block-service applies truncation and
 * release itself and says so in its answer; then SETATTR(size), REMOVE and RENAME are one call.
 */
final class SpanningRules {

    private static final Logger log = LoggerFactory.getLogger(SpanningRules.class);
    private static final byte[] NO_VERIFIER = new byte[8];

    private final Namespace namespace;
    private final Content content;

    SpanningRules(Namespace namespace, Content content) {
        this.namespace = namespace;
        this.content = content;
    }

    SetAttrResult setAttr(Principal who, Handle h, SetAttrs attrs, Time guard) {
        Namespace.AttrsSet r = namespace.setAttr(who, h, attrs, guard);
        if (r.result().status().ok() && attrs.changesSize() && r.content() != null) {
            FsStatus t = content.truncate(r.content(), attrs.size());
            if (!t.ok()) {
                return new SetAttrResult(t, r.result().wcc());
            }
        }
        return r.result();
    }

    WriteResult write(Principal who, Handle h, long offset, ByteBuffer data, Stability stability, boolean opened) {
        Namespace.Recorded rw = namespace.recordWrite(who, h, offset, data.remaining(), opened,
                stability == Stability.UNSTABLE);
        if (!rw.status().ok()) {
            return new WriteResult(rw.status(), rw.wcc(), 0, stability, NO_VERIFIER);
        }
        if (rw.content() == null) {
            log.error("RecordWrite succeeded without a content object for {}", h);
            return new WriteResult(FsStatus.SERVERFAULT, rw.wcc(), 0, stability, NO_VERIFIER);
        }
        Content.Written w = content.write(rw.content(), offset, data, stability);
        return new WriteResult(w.status(), rw.wcc(), w.count(), w.committed(), verifier(w.verifier(), rw.verifier()));
    }

    /**
     * Deallocate = RecordWrite then Deallocate: the namespace records the punch as a write of the
     * range (times and change attribute move, no growth: the range is cut at the open's size, which
     * the caller keeps current), then the content loses the range's blocks.
     */
    WriteResult deallocate(OpenFile f, long offset, long length) {
        long end = Math.min(f.attr().size(), offset + length);
        if (end <= offset) {
            return new WriteResult(FsStatus.OK, Wcc.after(f.attr()), 0, Stability.FILE_SYNC, NO_VERIFIER);
        }
        Namespace.Recorded rw = namespace.recordWrite(f.principal(), f.handle(), offset, end - offset, true, false);
        if (!rw.status().ok() || rw.content() == null) {
            return new WriteResult(rw.status().ok() ? FsStatus.SERVERFAULT : rw.status(), rw.wcc(), 0,
                    Stability.FILE_SYNC, NO_VERIFIER);
        }
        FsStatus d = content.deallocate(rw.content(), offset, end - offset);
        return new WriteResult(d, rw.wcc(), d.ok() ? end - offset : 0, Stability.FILE_SYNC, rw.verifier());
    }

    /**
     * Clone = RecordWrite on the target (it may grow) then Clone in the block-service, which shares
     * whole blocks by reference and copies only unaligned ends. A source that never had content
     * reads as zeros: the target's range is punched instead. The caller checks the source range
     * lies within the source's size.
     */
    WriteResult cloneRange(OpenFile source, long sourceOffset, OpenFile target, long targetOffset, long length) {
        Namespace.Recorded rw = namespace.recordWrite(target.principal(), target.handle(), targetOffset, length, true, false);
        if (!rw.status().ok() || rw.content() == null) {
            return new WriteResult(rw.status().ok() ? FsStatus.SERVERFAULT : rw.status(), rw.wcc(), 0,
                    Stability.FILE_SYNC, NO_VERIFIER);
        }
        FsStatus c = source.content() == null
                ? content.deallocate(rw.content(), targetOffset, length)
                : content.clone(source.content(), sourceOffset, rw.content(), targetOffset, length);
        return new WriteResult(c, rw.wcc(), c.ok() ? length : 0, Stability.FILE_SYNC, rw.verifier());
    }

    /**
     * The write verifier clients see: the block-service's and the metadata-service's instance
     * verifiers combined, so a restart of either (which may lose unstable data or an unstable size
     * update) changes it and clients resend what they had not committed.
     */
    static byte[] verifier(byte[] content, byte[] namespace) {
        byte[] v = content.clone();
        for (int i = 0; i < v.length && i < namespace.length; i++) {
            v[i] ^= namespace[i];
        }
        return v;
    }

    ReadResult read(OpenFile f, long offset, int count) {
        return read(f, offset, count, null);
    }

    /**
     * {@code ahead}, when not null, is a read of {@code count} bytes at {@code offset} from the
     * file's content object started before the open's answer was known; it is used or discarded
     * here, never left running.
     */
    ReadResult read(OpenFile f, long offset, int count, Content.Pending<Content.Read> ahead) {
        FileAttr attr = f.attr();
        if (attr.type() != FileType.REGULAR) {
            discard(ahead);
            // only regular files have content; reading a directory is ISDIR in every protocol
            return ReadResult.failed(attr.type() == FileType.DIRECTORY ? FsStatus.ISDIR : FsStatus.INVAL, attr);
        }
        long size = attr.size();
        long want = Math.max(0, Math.min((long) count, size - Math.max(0, offset)));
        if (offset < 0 || want == 0 || f.content() == null) {
            discard(ahead);
            if (want > 0) {
                return new ReadResult(FsStatus.OK, attr, ByteBuffer.allocate((int) want).asReadOnlyBuffer(),
                        offset + want >= size);
            }
            return ReadResult.empty(attr, offset < 0 || offset >= size);
        }
        Content.Read r = ahead != null ? ahead.get() : content.read(f.content(), offset, (int) want);
        if (!r.status().ok()) {
            return ReadResult.failed(r.status(), attr);
        }
        ByteBuffer data;
        if (r.data().size() < want) {
            // the namespace size is the truth: content not yet written (a grown file) reads as zeros
            ByteBuffer padded = ByteBuffer.allocate((int) want);
            r.data().substring(0, Math.min(r.data().size(), (int) want)).copyTo(padded);
            data = padded.position(0);
        } else {
            data = r.data().substring(0, (int) want).asReadOnlyByteBuffer();
        }
        return new ReadResult(FsStatus.OK, attr, data.asReadOnlyBuffer(), offset + want >= size);
    }

    private static void discard(Content.Pending<?> ahead) {
        if (ahead != null) {
            ahead.discard();
        }
    }

    RemoveResult remove(Principal who, Handle dir, String name, RemoveKind kind) {
        Namespace.Removed r = namespace.remove(who, dir, name, kind);
        if (r.result().status().ok()) {
            release(r.released());
        }
        return r.result();
    }

    RenameResult rename(Principal who, Handle fromDir, String from, Handle toDir, String to) {
        Namespace.Renamed r = namespace.rename(who, fromDir, from, toDir, to);
        if (r.result().status().ok()) {
            release(r.released());
        }
        return r.result();
    }

    /**
     * The namespace no longer references {@code released}: drop it from the content store now. Only
     * a fast path: the metadata-service recorded the release in its outbox in the same transaction
     * and applies it to the block-service itself, so a failure here never fails the REMOVE.
     */
    private void release(ContentId released) {
        if (released == null) {
            return;
        }
        try {
            FsStatus d = content.delete(released);
            if (!d.ok() && d != FsStatus.NOENT) {
                log.debug("early release of content failed ({}); the metadata outbox applies it", d);
            }
        } catch (ServiceCallException e) {
            log.debug("early release of content failed ({}); the metadata outbox applies it", e.getMessage());
        }
    }
}
