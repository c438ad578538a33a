package io.dittofs.metadata.core.ops;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.DirEntry;
import io.dittofs.contracts.metadata.v1.ReadDirRequest;
import io.dittofs.contracts.metadata.v1.ReadDirResponse;
import io.dittofs.metadata.core.Attrs;
import io.dittofs.metadata.core.Caller;
import io.dittofs.metadata.core.HandleCodec;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.core.Perms;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.Listed;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One bounded page of a directory. Cookies are the per-directory sequence numbers entries got
 * when inserted (1 and 2 are "." and ".."), so inserting or deleting other names never shifts
 * them and a cookie stays valid as long as the directory exists. The verifier therefore only
 * names the directory instance (fileid + generation): it changes when cookies could not be
 * honoured any more, i.e. never while the directory lives.
 */
public final class ReadDirOp extends Op<ReadDirRequest, ReadDirResponse> {

    /** First cookie given to a real entry; 1 and 2 are "." and "..". */
    public static final long FIRST_COOKIE = 3;

    public ReadDirOp(MetadataCore core) {
        super(core);
    }

    public static byte[] verifier(Inode dir) {
        return ByteBuffer.allocate(8).putInt(dir.generation()).putInt((int) (dir.id() * 0x9E3779B1L)).array();
    }

    @Override
    protected ReadDirResponse execute(ReadDirRequest req) {
        Caller c = Caller.of(req.hasIdentity(), req.getIdentity());
        HandleCodec.Ref ref = core.ref(req.getDir());
        int cap = core.settings().maxReadDirEntries();
        int max = req.getMaxEntries() == 0 ? cap : Math.min(req.getMaxEntries(), cap);
        long cookie = req.getCookie();
        return core.store().read(tx -> {
            Inode dir = MetadataCore.requireDir(core.resolve(tx, ref));
            Perms.require(dir, c, Perms.R);
            byte[] verifier = verifier(dir);
            if (cookie != 0) {
                if (!req.getVerifier().isEmpty() && !allZero(req.getVerifier())
                        && !req.getVerifier().equals(ByteString.copyFrom(verifier))) {
                    throw new StatusException(Status.COOKIE_VERF_MISMATCH, "verifier of another directory instance");
                }
                if (cookie < 0 || cookie >= dir.nextCookie()) {
                    throw new StatusException(Status.BAD_COOKIE, "cookie " + cookie + " never issued by " + dir.id());
                }
            }
            ReadDirResponse.Builder r = ReadDirResponse.newBuilder().setVerifier(ByteString.copyFrom(verifier))
                    .setDirAttr(Attrs.of(dir));
            if (req.getIncludeDotEntries() && cookie == 0 && r.getEntriesCount() < max) {
                r.addEntries(entry(tx, req, ".", dir, 1));
            }
            if (req.getIncludeDotEntries() && cookie <= 1 && r.getEntriesCount() < max) {
                Inode parent = tx.inode(dir.parent()).orElse(dir);
                r.addEntries(entry(tx, req, "..", parent, 2));
            }
            int room = max - r.getEntriesCount();
            if (room <= 0) {
                return r.setEof(false).build();
            }
            long after = Math.max(cookie, FIRST_COOKIE - 1);
            List<Listed> page = req.getWithAttrs()
                    ? tx.entriesWithInodes(dir.id(), after, room + 1)
                    : tx.entries(dir.id(), after, room + 1).stream().map(e -> new Listed(e, null)).toList();
            for (int k = 0; k < Math.min(room, page.size()); k++) {
                io.dittofs.metadata.spi.DirEntry e = page.get(k).entry();
                DirEntry.Builder b = DirEntry.newBuilder().setName(e.name()).setFileid(e.child()).setCookie(e.cookie());
                Inode i = page.get(k).inode();
                if (i != null) {
                    b.setHandle(core.handle(i)).setAttr(Attrs.of(i));
                }
                r.addEntries(b);
            }
            return r.setEof(page.size() <= room).build();
        });
    }

    private DirEntry entry(StoreTx tx, ReadDirRequest req, String name, Inode i, long cookie) {
        DirEntry.Builder b = DirEntry.newBuilder().setName(name).setFileid(i.id()).setCookie(cookie);
        if (req.getWithAttrs()) {
            b.setHandle(core.handle(i)).setAttr(Attrs.of(i));
        }
        return b.build();
    }

    private static boolean allZero(ByteString b) {
        for (int k = 0; k < b.size(); k++) {
            if (b.byteAt(k) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected ReadDirResponse failure(ReadDirRequest req, Status status) {
        return ReadDirResponse.newBuilder().setStatus(status).build();
    }
}
