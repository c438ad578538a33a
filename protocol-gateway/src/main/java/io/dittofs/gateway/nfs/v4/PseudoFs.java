package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareRegistry;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NFSv4 pseudo file system (RFC 7530 §7): read-only directories joining every share's export
 * path, so {@code PUTROOTFH; LOOKUP export} reaches the share {@code /export}. Computed from the
 * share registry on every call, so added and removed shares show at once.
 */
public final class PseudoFs {

    /** The fsid major of the pseudo file system; shares use their own fsid with minor 1. */
    public static final long PSEUDO_FSID = 0;
    private static final Time EPOCH = new Time(0, 0);

    private final ShareRegistry registry;
    private final FileSystem fs;
    /** Share id → its root handle, to know when LOOKUPP leaves a share. */
    private final Map<Long, Handle> roots = new ConcurrentHashMap<>();

    public PseudoFs(ShareRegistry registry, FileSystem fs) {
        this.registry = registry;
        this.fs = fs;
    }

    /** The share exported exactly at {@code path}. */
    public Optional<Share> shareAt(String path) {
        return registry.byExportPath(path);
    }

    /** A pseudo directory: the root, or a proper prefix of some export path that is not itself a share. */
    public boolean isDir(String path) {
        if (shareAt(path).isPresent() && !path.equals("/")) {
            return false;
        }
        return path.equals("/") || registry.all().stream().anyMatch(s -> s.exportPath().startsWith(path + "/"));
    }

    /** The names directly below a pseudo directory, sorted (stable READDIR cookies). */
    public TreeSet<String> children(String path) {
        String prefix = path.equals("/") ? "/" : path + "/";
        TreeSet<String> names = new TreeSet<>();
        for (Share s : registry.all()) {
            String p = s.exportPath();
            if (p.startsWith(prefix) && p.length() > prefix.length()) {
                String rest = p.substring(prefix.length());
                int slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return names;
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    public static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    /** The root handle of {@code share}, remembered for {@link #exportPathOfRoot}. */
    public Optional<Handle> root(Principal who, Share share) {
        var r = fs.root(who, share.name());
        if (!r.status().ok()) {
            return Optional.empty();
        }
        roots.put(r.shareId(), r.handle());
        return Optional.of(r.handle());
    }

    /** The export path of the share whose root {@code h} is, or empty when {@code h} is no share root. */
    public Optional<String> exportPathOfRoot(Principal who, Handle h) {
        Handle known = roots.get(h.shareId());
        if (known == null) {
            for (Share s : registry.all()) {
                root(who, s);
            }
            known = roots.get(h.shareId());
        }
        if (known == null || !known.equals(h)) {
            return Optional.empty();
        }
        return registry.all().stream().filter(s -> {
            var r = fs.root(who, s.name());
            return r.status().ok() && r.handle().equals(h);
        }).map(Share::exportPath).findFirst();
    }

    /** Attributes of a pseudo directory: read-only, owned by root, in its own file system. */
    public static FileAttr attr(String path) {
        long fileid = path.equals("/") ? 1 : (path.hashCode() & 0xffffffffL) | (1L << 40);
        return new FileAttr(FileType.DIRECTORY, 0555, 2, 0, 0, 4096, 4096, 0, 0, PSEUDO_FSID, fileid, EPOCH, EPOCH,
                EPOCH, 1, null);
    }
}
