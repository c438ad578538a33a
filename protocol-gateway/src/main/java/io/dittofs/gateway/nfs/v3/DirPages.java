package io.dittofs.gateway.nfs.v3;

import io.dittofs.gateway.fs.model.DirQuery;
import java.nio.charset.StandardCharsets;

/** Shared READDIR / READDIRPLUS sizing: how many entries to ask for and what each costs on the wire. */
final class DirPages {

    /** The service caps a page too; this only avoids asking for far more than can be sent. */
    static final int MAX_ENTRIES = 4096;

    private DirPages() {
    }

    static DirQuery query(long cookie, byte[] verifier, long budget, boolean plus) {
        boolean fresh = cookie == 0 || allZero(verifier);
        int perEntry = plus ? 160 : 24;
        int max = (int) Math.max(1, Math.min(MAX_ENTRIES, budget / perEntry + 2));
        return new DirQuery(cookie, fresh ? new byte[0] : verifier, max, plus, true);
    }

    /** entry3 bytes: value_follows + fileid + name + cookie. */
    static int entryBytes(String name) {
        int n = name.getBytes(StandardCharsets.UTF_8).length;
        return 4 + 8 + 4 + ((n + 3) & ~3) + 8;
    }

    /** Not even one entry fits: the reply becomes TOOSMALL with just the directory attributes. */
    static void tooSmall(io.dittofs.gateway.rpc.XdrWriter out, int statusAt, int afterAttrs) {
        out.buffer().writerIndex(afterAttrs);
        out.buffer().setInt(statusAt, Nfs3Status.TOOSMALL);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
