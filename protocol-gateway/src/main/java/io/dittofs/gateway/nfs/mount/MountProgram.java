package io.dittofs.gateway.nfs.mount;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.nfs.CallerIdentity;
import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrException;
import io.dittofs.gateway.rpc.XdrReader;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareRegistry;
import io.grpc.StatusRuntimeException;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** MOUNT program 100005 version 3 (RFC 1813 Appendix I): MNT, DUMP, UMNT, UMNTALL, EXPORT. */
public final class MountProgram implements RpcProgram {

    public static final int PROGRAM = 100005;
    static final int MNT3_OK = 0;
    static final int MNT3ERR_NOENT = 2;
    static final int MNT3ERR_IO = 5;
    static final int MNT3ERR_ACCES = 13;
    static final int MNT3ERR_SERVERFAULT = 10006;
    static final int MNTPATHLEN = 1024;

    private record Mounted(String host, String path) {
    }

    private final ShareRegistry registry;
    private final ShareIds shareIds;
    private final FileSystem fs;
    private final Set<Mounted> mounts = ConcurrentHashMap.newKeySet();

    public MountProgram(ShareRegistry registry, ShareIds shareIds, FileSystem fs) {
        this.registry = registry;
        this.shareIds = shareIds;
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
                case 3 -> mounts.remove(new Mounted(ctx.clientAddress(), in.readString(MNTPATHLEN)));
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
        if (share == null) {
            out.writeInt(MNT3ERR_NOENT);
            return;
        }
        InetAddress client = ctx.remote().getAddress();
        if (!share.allows(client)
                || share.permissions().of(CallerIdentity.of(ctx)) == io.dittofs.gateway.share.SharePermissions.Level.NONE) {
            out.writeInt(MNT3ERR_ACCES);
            return;
        }
        try {
            var r = fs.root(share.squash(CallerIdentity.of(ctx)), share.name());
            if (r.getStatus() != Status.OK) {
                out.writeInt(r.getStatus() == Status.ACCESS ? MNT3ERR_ACCES : MNT3ERR_IO);
                return;
            }
            shareIds.learn(r.getShareId(), share.name());
            mounts.add(new Mounted(ctx.clientAddress(), share.exportPath()));
            out.writeInt(MNT3_OK).writeOpaque(r.getHandle().getValue());
            out.writeInt(2).writeInt(Credential.AUTH_SYS).writeInt(Credential.AUTH_NONE);
        } catch (StatusRuntimeException e) {
            out.writeInt(MNT3ERR_SERVERFAULT);
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
            for (Network n : s.networks()) {
                out.writeBool(true).writeString(format(n));
            }
            out.writeBool(false);
        }
        out.writeBool(false);
    }

    private static String format(Network n) {
        try {
            return InetAddress.getByAddress(n.address()).getHostAddress() + "/" + n.prefix();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a parsed network always has a valid address", e);
        }
    }
}
