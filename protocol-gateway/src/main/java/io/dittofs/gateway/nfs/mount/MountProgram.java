package io.dittofs.gateway.nfs.mount;

import io.dittofs.gateway.access.Decision;
import io.dittofs.gateway.access.Intent;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.ServiceCallException;
import io.dittofs.gateway.identity.Principals;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MOUNT program 100005 version 3 (RFC 1813 Appendix I): MNT, DUMP, UMNT, UMNTALL, EXPORT. Whether
 * a client may mount is the share gate's decision; this class maps it to mountstat3.
 */
public final class MountProgram implements RpcProgram {

    public static final int PROGRAM = 100005;
    static final int MNTPATHLEN = 1024;
    private static final Logger log = LoggerFactory.getLogger(MountProgram.class);

    private record Mounted(String host, String path) {
    }

    private final ShareRegistry registry;
    private final ShareIds shareIds;
    private final ShareGate gate;
    private final FileSystem fs;
    private final Set<Mounted> mounts = ConcurrentHashMap.newKeySet();

    public MountProgram(ShareRegistry registry, ShareIds shareIds, ShareGate gate, FileSystem fs) {
        this.registry = registry;
        this.shareIds = shareIds;
        this.gate = gate;
        this.fs = fs;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int lowVersion() {
        return 3;
    }

    @Override
    public int highVersion() {
        return 3;
    }

    @Override
    public boolean nonIdempotent(int version, int procedure) {
        return false;
    }

    @Override
    public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
        XdrReader in = new XdrReader(call.args());
        try {
            switch (call.procedure()) {
                case 0 -> {
                    return Outcome.SUCCESS;
                }
                case 1 -> mnt(ctx, in.readString(MNTPATHLEN), out);
                case 2 -> dump(out);
                case 3 -> mounts.remove(new Mounted(ctx.clientAddress(), normalize(in.readString(MNTPATHLEN))));
                case 4 -> mounts.removeIf(m -> m.host().equals(ctx.clientAddress()));
                case 5 -> exports(out);
                default -> {
                    return Outcome.PROC_UNAVAIL;
                }
            }
        } catch (XdrException e) {
            return Outcome.GARBAGE_ARGS;
        }
        return Outcome.SUCCESS;
    }

    private void mnt(CallContext ctx, String path, XdrWriter out) {
        Share share = registry.byExportPath(path).orElse(null);
        Decision d = gate.check(share, ctx.remote().getAddress(), Principals.of(ctx), Intent.CONNECT);
        if (d instanceof Decision.Denied denied) {
            out.writeInt(MountStatus.of(denied.reason()));
            return;
        }
        Decision.Allowed ok = (Decision.Allowed) d;
        try {
            var r = fs.root(ok.principal(), ok.share());
            if (!r.status().ok()) {
                out.writeInt(MountStatus.of(r.status()));
                return;
            }
            shareIds.learn(r.shareId(), ok.share());
            mounts.add(new Mounted(ctx.clientAddress(), share.exportPath()));
            out.writeInt(MountStatus.OK).writeOpaque(r.handle().bytes());
            out.writeInt(2).writeInt(Credential.AUTH_SYS).writeInt(Credential.AUTH_NONE);
        } catch (ServiceCallException e) {
            log.warn("MNT {} from {}: {}", path, ctx.clientAddress(), e.getMessage());
            out.writeInt(MountStatus.SERVERFAULT);
        }
    }

    private void dump(XdrWriter out) {
        for (Mounted m : mounts) {
            out.writeBool(true).writeString(m.host()).writeString(m.path());
        }
        out.writeBool(false);
    }

    private void exports(XdrWriter out) {
        for (Share s : registry.all()) {
            out.writeBool(true).writeString(s.exportPath());
            for (String group : gate.clientGroups(s)) {
                out.writeBool(true).writeString(group);
            }
            out.writeBool(false);
        }
        out.writeBool(false);
    }

    private static String normalize(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
