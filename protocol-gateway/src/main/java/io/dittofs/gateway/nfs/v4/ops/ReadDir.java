package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.nfs.v4.Objects4;
import io.dittofs.gateway.nfs.v4.PseudoFs;
import io.dittofs.gateway.nfs.v4.attr.AttrSource;
import io.dittofs.gateway.nfs.v4.attr.Bitmap;
import io.dittofs.gateway.nfs.v4.attr.Fattr4;
import io.dittofs.gateway.nfs.v4.attr.Owners;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.List;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Fh;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

/**
 * READDIR (RFC 7530 §16.24). Cookies 1 and 2 are reserved by NFSv4, so a service cookie {@code n}
 * travels as {@code n + 3}; in the pseudo file system the cookie is the entry's index + 3.
 * Entries are added while the reply stays within maxcount; none fitting is TOOSMALL.
 */
public final class ReadDir implements Nfs4Op<ReadDir.Args> {

    static final long COOKIE_BASE = 3;
    /** Reply overhead besides the entries: status, verifier, value_follows end marker, eof. */
    private static final int OVERHEAD = 4 + 8 + 4 + 4;
    private static final byte[] PSEUDO_VERIFIER = new byte[8];

    public record Args(long cookie, byte[] verifier, int dircount, int maxcount, Bitmap attrs) {
    }

    private record Item(long cookie, String name, AttrSource src) {
    }

    @Override
    public int code() {
        return 26;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readLong(), in.readFixedOpaque(8), in.readInt(), in.readInt(), Bitmap.read(in));
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        if (a.cookie() == 1 || a.cookie() == 2) {
            return Nfs4Status.BAD_COOKIE;
        }
        long maxcount = Integer.toUnsignedLong(a.maxcount());
        if (!a.attrs().and(Fattr4.WRITE_ONLY).isEmpty()) {
            return Nfs4Status.INVAL;
        }
        if (maxcount < OVERHEAD - 4) {
            // not even an empty directory's reply fits
            return Nfs4Status.TOOSMALL;
        }
        return switch (c.current()) {
            case null -> Nfs4Status.NOFILEHANDLE;
            case Fh.Pseudo p -> pseudo(c, p.path(), a, maxcount, out);
            case Fh.Real r -> real(c, r, a, maxcount, out);
        };
    }

    private static int pseudo(CompoundContext c, String dir, Args a, long maxcount, XdrWriter out) {
        PseudoFs pfs = c.server().pseudo();
        if (!pfs.isDir(dir)) {
            return Nfs4Status.NOTDIR;
        }
        List<String> names = new ArrayList<>(pfs.children(dir));
        long start = a.cookie() == 0 ? 0 : a.cookie() - COOKIE_BASE + 1;
        if (start < 0 || start > names.size()) {
            return Nfs4Status.BAD_COOKIE;
        }
        List<Item> items = new ArrayList<>();
        for (int i = (int) start; i < names.size(); i++) {
            String path = PseudoFs.child(dir, names.get(i));
            AttrSource src = Objects4.pseudo(path);
            var share = pfs.shareAt(path);
            if (share.isPresent()) {
                var root = pfs.root(c.caller(), share.get());
                if (root.isEmpty()) {
                    continue;
                }
                var attr = c.server().fs().getAttr(c.caller(), root.get());
                if (!attr.status().ok()) {
                    continue;
                }
                var fh = new Fh.Real(root.get());
                src = new AttrSource(attr.attr(), fh.bytes(), attr.attr().fsid(), 1, src.attr().fileid(),
                        () -> c.server().fs().fsStat(c.caller(), fh.handle()));
            }
            items.add(new Item(i + COOKIE_BASE, names.get(i), src));
        }
        return write(out, PSEUDO_VERIFIER, items, true, a.attrs(), maxcount, c.server().owners(), c.minor());
    }

    private static int real(CompoundContext c, Fh.Real dir, Args a, long maxcount, XdrWriter out) {
        long cookie = a.cookie() == 0 ? 0 : a.cookie() - COOKIE_BASE;
        int maxEntries = (int) Math.max(1, Math.min(1024, maxcount / 16));
        var page = c.server().fs().readDir(c.principal(), dir.handle(),
                new DirQuery(cookie, a.cookie() == 0 ? new byte[0] : a.verifier(), maxEntries, true, false));
        if (!page.status().ok()) {
            return page.status() == io.dittofs.gateway.fs.model.FsStatus.NOTDIR ? Lookup.notDir(c, dir)
                    : Nfs4Status.of(page.status());
        }
        List<Item> items = new ArrayList<>();
        for (DirEntry e : page.entries()) {
            if (e.attr() == null || e.handle() == null) {
                continue;
            }
            items.add(new Item(e.cookie() + COOKIE_BASE, e.name(), Objects4.real(c, new Fh.Real(e.handle()), e.attr())));
        }
        byte[] verifier = page.verifier() == null || page.verifier().length != 8 ? new byte[8] : page.verifier();
        return write(out, verifier, items, page.eof(), a.attrs(), maxcount, c.server().owners(), c.minor());
    }

    private static int write(XdrWriter out, byte[] verifier, List<Item> items, boolean eof, Bitmap attrs,
                             long maxcount, Owners owners, int minor) {
        long budget = maxcount - OVERHEAD;
        ByteBuf entries = Unpooled.buffer();
        try {
            XdrWriter w = new XdrWriter(entries);
            int n = 0;
            for (Item it : items) {
                int before = entries.writerIndex();
                w.writeBool(true).writeLong(it.cookie()).writeString(it.name());
                Fattr4.write(w, attrs, it.src(), owners, minor);
                if (entries.writerIndex() > budget) {
                    entries.writerIndex(before);
                    break;
                }
                n++;
            }
            if (n == 0 && !items.isEmpty()) {
                return Nfs4Status.TOOSMALL;
            }
            out.writeFixedOpaque(verifier);
            out.buffer().writeBytes(entries);
            out.writeBool(false).writeBool(eof && n == items.size());
            return Nfs4Status.OK;
        } finally {
            entries.release();
        }
    }
}
