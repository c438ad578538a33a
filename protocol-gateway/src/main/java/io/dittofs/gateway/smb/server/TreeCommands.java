package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.access.Decision;
import io.dittofs.gateway.access.Intent;
import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.crypto.Smb2Signing;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Header;
import io.dittofs.gateway.smb.wire.Smb2Packet;
import io.dittofs.gateway.smb.wire.TreeConnectRequest;
import io.dittofs.gateway.smb.wire.TreeConnectResponse;
import io.dittofs.gateway.smb.wire.TreeDisconnectMessage;
import io.dittofs.gateway.smb.wire.WireException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * TREE_CONNECT and TREE_DISCONNECT (MS-SMB2 3.3.5.7, 3.3.5.8). A share is found by name (or its
 * export path without the slash), judged by the {@link ShareGate} with {@link Intent#CONNECT};
 * MaximalAccess tells the client whether it may modify. IPC$ is always there as a pipe share.
 */
final class TreeCommands {

    static final String IPC = "IPC$";

    private final ShareRegistry shares;
    private final ShareGate gate;
    private final InetAddress client;

    private final SmbServerSettings settings;
    private final SmbCommands commands;

    TreeCommands(ShareRegistry shares, ShareGate gate, InetAddress client, SmbServerSettings settings,
                 SmbCommands commands) {
        this.shares = shares;
        this.gate = gate;
        this.client = client;
        this.settings = settings;
        this.commands = commands;
    }

    Reply connect(Smb2Packet p, SmbSession session, int credits, Smb2Signing signer) throws WireException {
        Smb2Header h = p.header();
        String name = TreeConnectRequest.decode(p.body()).shareName();
        if (name.equalsIgnoreCase(IPC)) {
            TreeConnect t = session.addTree(null, null, true, false);
            if (t == null) {
                return signed(Replies.error(h, NtStatus.INSUFFICIENT_RESOURCES, credits), signer);
            }
            return reply(h, t, credits, signer, new TreeConnectResponse(TreeConnectResponse.TYPE_PIPE, 0, 0,
                    TreeConnectResponse.ACCESS_ALL));
        }
        Optional<Share> share = find(name);
        if (share.isEmpty()) {
            return signed(Replies.error(h, NtStatus.BAD_NETWORK_NAME, credits), signer);
        }
        Decision d = gate.check(share.get(), client, session.principal(client), Intent.CONNECT);
        if (!(d instanceof Decision.Allowed allowed)) {
            return signed(Replies.error(h, NtStatus.ACCESS_DENIED, credits), signer);
        }
        boolean encrypt = settings.shareEncrypted(share.get().name()) && session.encryption() != null;
        if (settings.shareEncrypted(share.get().name()) && session.encryption() == null) {
            // a 2.x or unkeyed session cannot meet the share's encryption requirement (MS-SMB2 3.3.5.7)
            return signed(Replies.error(h, NtStatus.ACCESS_DENIED, credits), signer);
        }
        TreeConnect t = session.addTree(share.get().name(), allowed, false, encrypt);
        if (t == null) {
            return signed(Replies.error(h, NtStatus.INSUFFICIENT_RESOURCES, credits), signer);
        }
        int access = allowed.mayModify() ? TreeConnectResponse.ACCESS_ALL : TreeConnectResponse.ACCESS_READ;
        int flags = encrypt ? TreeConnectResponse.SHAREFLAG_ENCRYPT_DATA : 0;
        return reply(h, t, credits, signer, new TreeConnectResponse(TreeConnectResponse.TYPE_DISK, flags, 0, access));
    }

    Reply disconnect(Smb2Packet p, SmbSession session, int credits, Smb2Signing signer) throws WireException {
        Smb2Header h = p.header();
        TreeDisconnectMessage.decode(p.body());
        TreeConnect gone = session.removeTree(h.treeId());
        if (gone == null) {
            return signed(Replies.error(h, NtStatus.NETWORK_NAME_DELETED, credits), signer);
        }
        commands.treeClosed(session, gone);
        return Replies.message(h.reply(NtStatus.SUCCESS, credits, 0), new TreeDisconnectMessage()::encode, signer);
    }

    private Optional<Share> find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return shares.all().stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(n)
                || s.exportPath().toLowerCase(Locale.ROOT).equals("/" + n)).findFirst();
    }

    private static Reply reply(Smb2Header h, TreeConnect t, int credits, Smb2Signing signer, TreeConnectResponse r) {
        Smb2Header rh = new Smb2Header(h.creditCharge(), h.status(), h.command(), h.credits(), h.flags(),
                h.nextCommand(), h.messageId(), h.processId(), t.id(), h.asyncId(), h.sessionId(), null);
        return Replies.message(rh.reply(NtStatus.SUCCESS, credits, 0), r::encode, signer);
    }

    private static Reply signed(Reply r, Smb2Signing signer) {
        return new Reply(r.message(), signer);
    }
}
