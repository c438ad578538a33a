package io.dittofs.gateway.smb.ops;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.DirEntry;
import io.dittofs.gateway.fs.model.DirPage;
import io.dittofs.gateway.fs.model.DirQuery;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One enumeration of a directory open (MS-SMB2 3.3.1.10 enumeration state): "." and ".." first,
 * then the facade's pages (with attributes) filtered by the pattern; an entry that did not fit the
 * client's buffer is pushed back and comes first next time.
 */
final class DirectoryScan {

    /** An entry as listed. */
    record Item(String name, FileAttr attr) {
    }

    private static final int PAGE = 512;

    private final Wildcard pattern;
    private final Deque<Item> pending = new ArrayDeque<>();
    private int dots;
    private long cookie;
    private byte[] verifier = new byte[0];
    private boolean eof;
    private boolean returnedAny;

    DirectoryScan(String pattern) {
        this.pattern = Wildcard.of(pattern);
    }

    boolean returnedAny() {
        return returnedAny;
    }

    void returned() {
        returnedAny = true;
    }

    void pushBack(Item i) {
        pending.addFirst(i);
    }

    /** The next matching entry, or null at the end; a facade failure is reported as {@code failure}. */
    Item next(FileSystem fs, Principal who, Handle dir, FileAttr dirAttr, FsStatus[] failure) {
        while (true) {
            if (!pending.isEmpty()) {
                return pending.removeFirst();
            }
            if (dots < 2) {
                String name = dots++ == 0 ? "." : "..";
                if (pattern.matches(name)) {
                    return new Item(name, dirAttr);
                }
                continue;
            }
            if (eof) {
                return null;
            }
            DirPage p = fs.readDir(who, dir, new DirQuery(cookie, verifier, PAGE, true, false));
            if (!p.status().ok()) {
                failure[0] = p.status();
                eof = true;
                return null;
            }
            for (DirEntry e : p.entries()) {
                cookie = e.cookie();
                if (pattern.matches(e.name())) {
                    FileAttr a = e.attr();
                    if (a == null) {
                        var l = fs.lookup(who, dir, e.name());
                        if (!l.status().ok()) {
                            continue; // removed since the page was read
                        }
                        a = l.attr();
                    }
                    pending.addLast(new Item(e.name(), a));
                }
            }
            verifier = p.verifier();
            eof = p.eof() || p.entries().isEmpty();
        }
    }
}
