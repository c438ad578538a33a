package io.dittofs.gateway.nfs.v4.ops;

import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.nfs.v4.CompoundContext;
import io.dittofs.gateway.nfs.v4.Nfs4Op;
import io.dittofs.gateway.nfs.v4.Nfs4Status;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * LISTXATTRS (RFC 8276 §8.4.3): the user extended attributes' keys (prefix stripped), as many as
 * fit in {@code maxcount} bytes of LISTXATTRS4resok; TOOSMALL when not even the first fits. The
 * cookie is the namespace's own listing cookie (a position among all of the object's names), so a
 * page that stops early asks the namespace again for exactly the names it answered, and continues
 * from that call's cookie.
 */
public final class ListXattrs implements Nfs4Op<ListXattrs.Args> {

    public record Args(long cookie, int maxcount) {
    }

    /** Names the namespace lists per call. */
    static final int PAGE = 256;
    /** Namespace pages read for one reply before answering what was found (an object with many non-user names). */
    private static final int MAX_PAGES = 16;
    /** cookie, names<> count and eof. */
    private static final int FIXED = 8 + 4 + 4;

    @Override
    public int code() {
        return 74;
    }

    @Override
    public Args decode(XdrReader in) throws XdrException {
        return new Args(in.readLong(), in.readInt());
    }

    @Override
    public int execute(CompoundContext c, Args a, XdrWriter out) {
        int[] st = new int[1];
        Handle file = Xattrs.file(c, st);
        if (file == null) {
            return st[0];
        }
        long budget = Integer.toUnsignedLong(a.maxcount()) - FIXED;
        if (budget < 0) {
            return Nfs4Status.TOOSMALL;
        }
        long cookie = a.cookie();
        List<byte[]> keys = new ArrayList<>();
        boolean eof = false;
        for (int page = 0; page < MAX_PAGES && !eof; page++) {
            var r = c.server().fs().listXattrs(c.principal(), file, cookie, PAGE);
            if (!r.status().ok()) {
                return Xattrs.status(r.status());
            }
            int consumed = 0;
            boolean full = false;
            for (String name : r.names()) {
                if (name.startsWith(Xattrs.PREFIX) && name.length() > Xattrs.PREFIX.length()) {
                    byte[] key = name.substring(Xattrs.PREFIX.length()).getBytes(StandardCharsets.UTF_8);
                    long size = 4 + ((key.length + 3L) & ~3L);
                    if (size > budget) {
                        full = true;
                        break;
                    }
                    budget -= size;
                    keys.add(key);
                }
                consumed++;
            }
            if (!full) {
                cookie = r.cookie();
                eof = r.eof();
                continue;
            }
            if (keys.isEmpty()) {
                return Nfs4Status.TOOSMALL;
            }
            if (consumed > 0) {
                // the namespace's cookie after exactly the names answered
                var again = c.server().fs().listXattrs(c.principal(), file, cookie, consumed);
                if (!again.status().ok()) {
                    return Xattrs.status(again.status());
                }
                cookie = again.cookie();
            }
            break;
        }
        out.writeLong(cookie).writeInt(keys.size());
        for (byte[] k : keys) {
            out.writeOpaque(k);
        }
        out.writeBool(eof);
        return Nfs4Status.OK;
    }
}
