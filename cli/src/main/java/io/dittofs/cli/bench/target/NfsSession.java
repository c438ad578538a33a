package io.dittofs.cli.bench.target;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.Sattr;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One NFSv3 connection; directory handles under the run directory are cached by name. */
final class NfsSession implements Session {

    /** Largest READ/WRITE per call when the server's FSINFO says nothing useful. */
    private static final int FALLBACK_MAX = 64 * 1024;

    private final NfsClient client;
    private final byte[] base;
    private final Map<String, byte[]> dirs = new HashMap<>();
    private final int rtmax;
    private final int wtmax;

    NfsSession(NfsClient client, byte[] base) {
        this.client = client;
        this.base = base;
        var info = client.fsinfo(base);
        this.rtmax = info.status() == Nfs3.OK && info.rtmax() > 0 ? info.rtmax() : FALLBACK_MAX;
        this.wtmax = info.status() == Nfs3.OK && info.wtmax() > 0 ? info.wtmax() : FALLBACK_MAX;
    }

    private record Handle(byte[] handle) implements FileRef {
    }

    static void check(int status, String what) throws IOException {
        if (status != Nfs3.OK) {
            throw new IOException(what + " failed with nfsstat3 " + status);
        }
    }

    private byte[] dir(String dir) throws IOException {
        byte[] h = dirs.get(dir);
        if (h == null) {
            var r = client.lookup(base, dir);
            check(r.status(), "LOOKUP " + dir);
            h = r.handle();
            dirs.put(dir, h);
        }
        return h;
    }

    @Override
    public void mkdir(String dir) throws IOException {
        var r = client.mkdir(base, dir, Sattr.mode(0777));
        check(r.status(), "MKDIR " + dir);
        dirs.put(dir, r.handle());
    }

    @Override
    public void rmdir(String dir) throws IOException {
        check(client.rmdir(base, dir).status(), "RMDIR " + dir);
        dirs.remove(dir);
    }

    @Override
    public FileRef create(String dir, String name) throws IOException {
        var r = client.create(dir(dir), name, 0, new Sattr(0644, null, null, 0L, false, false));
        check(r.status(), "CREATE " + dir + "/" + name);
        return new Handle(r.handle());
    }

    @Override
    public void write(FileRef file, long offset, byte[] data, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(wtmax, length - done);
            byte[] chunk = done == 0 && n == data.length ? data : Arrays.copyOfRange(data, done, done + n);
            var r = client.write(((Handle) file).handle(), offset + done, chunk, Nfs3.UNSTABLE);
            check(r.status(), "WRITE");
            if (r.count() <= 0) {
                throw new IOException("WRITE wrote nothing at " + (offset + done));
            }
            done += r.count();
        }
    }

    @Override
    public void read(FileRef file, long offset, byte[] buffer, int length) throws IOException {
        int done = 0;
        while (done < length) {
            var r = client.read(((Handle) file).handle(), offset + done, Math.min(rtmax, length - done));
            check(r.status(), "READ");
            if (r.count() <= 0) {
                throw new IOException("short READ at " + (offset + done) + " (eof=" + r.eof() + ")");
            }
            System.arraycopy(r.data(), 0, buffer, done, r.count());
            done += r.count();
        }
    }

    @Override
    public void closeFile(FileRef file) throws IOException {
        check(client.commit(((Handle) file).handle(), 0, 0).status(), "COMMIT");
    }

    @Override
    public void stat(String dir, String name) throws IOException {
        var r = client.lookup(dir(dir), name);
        check(r.status(), "LOOKUP " + name);
        check(client.getattr(r.handle()).status(), "GETATTR " + name);
    }

    @Override
    public void rename(String dir, String from, String to) throws IOException {
        byte[] d = dir(dir);
        check(client.rename(d, from, d, to).status(), "RENAME " + from);
    }

    @Override
    public void unlink(String dir, String name) throws IOException {
        check(client.remove(dir(dir), name).status(), "REMOVE " + name);
    }

    @Override
    public int list(String dir) throws IOException {
        return names(dir(dir)).size();
    }

    /** READDIR to the end, without . and .. */
    List<String> names(byte[] dir) throws IOException {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        byte[] verifier = new byte[8];
        while (true) {
            var r = client.readdir(dir, cookie, verifier, 32 * 1024);
            check(r.status(), "READDIR");
            for (var e : r.entries()) {
                if (!e.name().equals(".") && !e.name().equals("..")) {
                    names.add(e.name());
                }
                cookie = e.cookie();
            }
            verifier = r.verifier();
            if (r.eof() || r.entries().isEmpty()) {
                return names;
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
