package io.dittofs.cli.bench.target;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.io.IOException;
import java.net.URI;

/**
 * {@code nfs://host[:port]/share}: NFSv3 over the project's own client (nfs-client), no kernel
 * mount. Each session is its own TCP connection because the client runs one call at a time.
 */
public record NfsTarget(String host, int port, int mountPort, String share, RpcClient.Auth auth) implements BenchTarget {

    public static final int DEFAULT_PORT = 2049;

    /** Settings an nfs:// URL does not carry. {@code mountPort} 0 means the NFS port. */
    public record Options(int uid, int gid, int mountPort) {
    }

    static NfsTarget of(URI uri, Options o) {
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
            throw new UnsupportedTargetException("bad NFS target '" + uri + "': expected nfs://host[:port]/share");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        return new NfsTarget(uri.getHost(), port, o.mountPort() > 0 ? o.mountPort() : port, uri.getPath(),
                RpcClient.Auth.sys(o.uid(), o.gid()));
    }

    @Override
    public String describe() {
        return "nfs://" + host + ":" + port + share;
    }

    private byte[] mountRoot() throws IOException {
        try (NfsClient m = new NfsClient(host, mountPort, auth)) {
            return m.mount(share);
        }
    }

    @Override
    public void createRunDir(String runDir) throws IOException {
        byte[] root = mountRoot();
        try (NfsClient c = new NfsClient(host, port, auth)) {
            NfsSession.check(c.mkdir(root, runDir, Sattr.mode(0777)).status(), "MKDIR " + runDir);
        }
    }

    @Override
    public void removeRunDir(String runDir) throws IOException {
        byte[] root = mountRoot();
        try (NfsClient c = new NfsClient(host, port, auth)) {
            var dir = c.lookup(root, runDir);
            if (dir.status() == Nfs3.NOENT) {
                return;
            }
            NfsSession.check(dir.status(), "LOOKUP " + runDir);
            NfsSession s = new NfsSession(c, dir.handle());
            for (String sub : s.names(dir.handle())) {
                var h = c.lookup(dir.handle(), sub);
                NfsSession.check(h.status(), "LOOKUP " + sub);
                for (String f : s.names(h.handle())) {
                    NfsSession.check(c.remove(h.handle(), f).status(), "REMOVE " + f);
                }
                NfsSession.check(c.rmdir(dir.handle(), sub).status(), "RMDIR " + sub);
            }
            NfsSession.check(c.rmdir(root, runDir).status(), "RMDIR " + runDir);
        }
    }

    @Override
    public Session open(String runDir) throws IOException {
        byte[] root = mountRoot();
        NfsClient c = new NfsClient(host, port, auth);
        try {
            var dir = c.lookup(root, runDir);
            NfsSession.check(dir.status(), "LOOKUP " + runDir);
            return new NfsSession(c, dir.handle());
        } catch (RuntimeException | IOException e) {
            c.close();
            throw e;
        }
    }
}
