package io.dittofs.gateway.smb.ipc.srvsvc;

import io.dittofs.gateway.smb.ipc.rpc.NdrReader;
import io.dittofs.gateway.smb.ipc.rpc.NdrWriter;
import io.dittofs.gateway.smb.ipc.rpc.RpcFault;
import io.dittofs.gateway.smb.ipc.rpc.RpcInterface;
import io.dittofs.gateway.smb.ipc.rpc.SyntaxId;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The srvsvc interface (MS-SRVS) as far as share browsing needs it: NetrShareEnum (opnum 15,
 * Samba's NetShareEnumAll) at levels 0, 1, 2, 501 and 502, NetrShareGetInfo (opnum 16) at levels
 * 0, 1, 2, 501, 502 and 1005, NetrServerGetInfo (opnum 21, as Explorer asks) at levels 100 and 101.
 * Everything is listed in one call (no resume), from the share registry as it is now. Other opnums
 * fault with nca_s_op_rng_error.
 */
public final class Srvsvc implements RpcInterface {

    public static final SyntaxId SYNTAX = SyntaxId.of("4b324fc8-1670-01d3-1278-5a47bf6ee188", 3);
    public static final int NET_SHARE_ENUM_ALL = 15;
    public static final int NET_SHARE_GET_INFO = 16;
    public static final int NET_SERVER_GET_INFO = 21;
    /** PLATFORM_ID_NT; SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_SERVER_NT. */
    static final int PLATFORM_NT = 500;
    static final int SERVER_TYPE = 0x00008003;
    static final int WERR_OK = 0;
    static final int WERR_INVALID_LEVEL = 124;
    static final int WERR_NET_NAME_NOT_FOUND = 0x906;

    private final Supplier<List<ShareInfo>> shares;
    private final String serverName;

    public Srvsvc(Supplier<List<ShareInfo>> shares) {
        this(shares, "DITTOFS");
    }

    public Srvsvc(Supplier<List<ShareInfo>> shares, String serverName) {
        this.shares = shares;
        this.serverName = serverName;
    }

    @Override
    public SyntaxId syntax() {
        return SYNTAX;
    }

    @Override
    public byte[] call(int opnum, byte[] stub) throws WireException, RpcFault {
        return switch (opnum) {
            case NET_SHARE_ENUM_ALL -> enumAll(new NdrReader(stub));
            case NET_SHARE_GET_INFO -> getInfo(new NdrReader(stub));
            case NET_SERVER_GET_INFO -> serverInfo(new NdrReader(stub));
            default -> throw new RpcFault(RpcFault.OP_RANGE_ERROR);
        };
    }

    private byte[] enumAll(NdrReader r) throws WireException {
        r.uniqueString(); // ServerName: this server, whatever the client calls it
        int level = r.u32();
        int discriminant = r.u32();
        if (discriminant != level) {
            throw new WireException("SHARE_ENUM_STRUCT level " + level + " with union arm " + discriminant);
        }
        if (r.pointer()) {
            r.u32(); // EntriesRead
            if (r.pointer()) {
                throw new WireException("NetrShareEnum with a filled Buffer");
            }
        }
        r.u32(); // PreferedMaximumLength: everything fits in one answer
        boolean resume = r.pointer();
        if (resume) {
            r.u32();
        }
        List<ShareInfo> all = shares.get();
        NdrWriter w = new NdrWriter();
        w.u32(level).u32(level);
        boolean known = level == 0 || level == 1 || level == 2 || level == 501 || level == 502;
        if (!known) {
            w.pointer(false).u32(0).pointer(false).u32(WERR_INVALID_LEVEL);
            return w.toByteArray();
        }
        w.pointer(true); // the container
        w.u32(all.size()).pointer(!all.isEmpty());
        if (!all.isEmpty()) {
            w.u32(all.size());
            for (ShareInfo s : all) {
                fixed(w, level, s);
            }
            for (ShareInfo s : all) {
                deferred(w, level, s);
            }
        }
        w.u32(all.size());
        w.pointer(resume);
        if (resume) {
            w.u32(0);
        }
        w.u32(WERR_OK);
        return w.toByteArray();
    }

    private byte[] getInfo(NdrReader r) throws WireException {
        r.uniqueString();
        String name = r.string();
        int level = r.u32();
        NdrWriter w = new NdrWriter();
        w.u32(level);
        boolean known = level == 0 || level == 1 || level == 2 || level == 501 || level == 502 || level == 1005;
        if (!known) {
            w.pointer(false).u32(WERR_INVALID_LEVEL);
            return w.toByteArray();
        }
        Optional<ShareInfo> share = shares.get().stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).findFirst();
        if (share.isEmpty()) {
            w.pointer(false).u32(WERR_NET_NAME_NOT_FOUND);
            return w.toByteArray();
        }
        w.pointer(true);
        fixed(w, level, share.get());
        deferred(w, level, share.get());
        w.u32(WERR_OK);
        return w.toByteArray();
    }

    private byte[] serverInfo(NdrReader r) throws WireException {
        r.uniqueString();
        int level = r.u32();
        NdrWriter w = new NdrWriter();
        w.u32(level);
        if (level != 100 && level != 101) {
            w.pointer(false).u32(WERR_INVALID_LEVEL);
            return w.toByteArray();
        }
        w.pointer(true).u32(PLATFORM_NT).pointer(true);
        if (level == 101) {
            w.u32(10).u32(0).u32(SERVER_TYPE).pointer(true);
        }
        w.string(serverName);
        if (level == 101) {
            w.string("DittoFS");
        }
        w.u32(WERR_OK);
        return w.toByteArray();
    }

    /** The fixed part of SHARE_INFO_{level}: scalars and pointer referents. */
    private static void fixed(NdrWriter w, int level, ShareInfo s) {
        if (level == 1005) {
            w.u32(s.flags());
            return;
        }
        w.pointer(true);
        if (level == 0) {
            return;
        }
        w.u32(s.type()).pointer(true);
        if (level == 501) {
            w.u32(s.flags());
        } else if (level == 2 || level == 502) {
            // permissions (ignored by servers in user-level security), max uses (unlimited), current uses
            w.u32(0).u32(-1).u32(0).pointer(true).pointer(false);
            if (level == 502) {
                w.u32(0).pointer(false); // no security descriptor
            }
        }
    }

    /** The strings the fixed part points at, in pointer order. */
    private static void deferred(NdrWriter w, int level, ShareInfo s) {
        if (level == 1005) {
            return;
        }
        w.string(s.name());
        if (level == 0) {
            return;
        }
        w.string(s.remark());
        if (level == 2 || level == 502) {
            w.string(s.path());
        }
    }
}
