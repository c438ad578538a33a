package io.dittofs.gateway.smb.ipc;

import io.dittofs.gateway.share.ShareRegistry;
import io.dittofs.gateway.smb.ipc.rpc.RpcEndpoint;
import io.dittofs.gateway.smb.ipc.srvsvc.ShareInfo;
import io.dittofs.gateway.smb.ipc.srvsvc.Srvsvc;
import io.dittofs.gateway.smb.server.SmbCommandHandler;
import io.dittofs.gateway.smb.server.SmbCommands;
import io.dittofs.gateway.smb.server.SmbRequest;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.server.SmbServerSettings;
import io.dittofs.gateway.smb.server.SmbSession;
import io.dittofs.gateway.smb.server.TreeConnect;
import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.Smb2Command;
import io.dittofs.gateway.smb.wire.SmbWriter;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands on an IPC$ tree (MS-SMB2 3.3.5.9 ff. for named pipes): CREATE opens a pipe
 * ("srvsvc"), WRITE and READ carry DCE/RPC PDUs, CLOSE ends it; FSCTL_PIPE_TRANSCEIVE goes through
 * {@link #transceive}. A read on an empty pipe goes async until an answer is queued.
 */
public final class IpcCommands implements SmbCommands {

    /** Pipes one connection may hold open. */
    static final int MAX_PIPES = 64;
    static final int PIPE_NOT_AVAILABLE = 0xC00000AC;
    static final int PIPE_DISCONNECTED = 0xC00000B0;
    static final String SRVSVC = "srvsvc";

    private final ShareRegistry shares;
    private final SmbServerSettings settings;
    private final Map<Long, NamedPipe> pipes = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public IpcCommands(ShareRegistry shares, SmbServerSettings settings) {
        this.shares = shares;
        this.settings = settings;
    }

    @Override
    public SmbCommandHandler handler(Smb2Command command) {
        return switch (command) {
            case CREATE -> this::create;
            case READ -> this::read;
            case WRITE -> this::write;
            case CLOSE -> this::close;
            default -> null;
        };
    }

    /** Shares as srvsvc lists them: the registry's disk shares, then IPC$. */
    List<ShareInfo> shareInfos() {
        List<ShareInfo> out = new ArrayList<>();
        for (var s : shares.all()) {
            int flags = settings.shareEncrypted(s.name()) ? ShareInfo.SHI1005_FLAGS_ENCRYPT_DATA : 0;
            out.add(new ShareInfo(s.name(), ShareInfo.STYPE_DISKTREE, "", "C:" + s.exportPath().replace('/', '\\'),
                    flags));
        }
        out.add(new ShareInfo("IPC$", ShareInfo.STYPE_IPC | ShareInfo.STYPE_SPECIAL, "IPC Service", "", 0));
        return out;
    }

    private SmbResult create(SmbRequest req) throws WireException {
        String name = PipeRequests.createName(req.body());
        if (!name.toLowerCase(Locale.ROOT).equals(SRVSVC)) {
            return SmbResult.fail(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        if (pipes.size() >= MAX_PIPES) {
            return SmbResult.fail(NtStatus.INSUFFICIENT_RESOURCES);
        }
        long v = nextId.getAndIncrement();
        FileId id = new FileId(v, v);
        RpcEndpoint rpc = new RpcEndpoint("\\PIPE\\" + SRVSVC, List.of(new Srvsvc(this::shareInfos, settings.netbiosName())));
        pipes.put(v, new NamedPipe(id, req.session().id(), req.tree().id(), rpc));
        return SmbResult.opened(w -> {
            w.u16(89).u8(0).u8(0).i32(1); // no oplock, FILE_OPENED
            w.i64(0).i64(0).i64(0).i64(0).i64(4096).i64(0).i32(0x80).i32(0); // times, sizes, NORMAL
            id.encode(w);
            w.i32(0).i32(0);
        }, id);
    }

    /** The pipe a request names, if this session's tree opened it. */
    NamedPipe pipe(SmbRequest req, FileId named) {
        FileId id = req.fileId(named);
        NamedPipe p = id == null ? null : pipes.get(id.volatile_());
        return p != null && p.id().equals(id) && p.sessionId() == req.session().id() && p.treeId() == req.tree().id()
                ? p : null;
    }

    private SmbResult write(SmbRequest req) throws WireException {
        PipeRequests.Write wr = PipeRequests.write(req.body());
        NamedPipe p = pipe(req, wr.fileId());
        if (p == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        p.write(wr.data());
        int n = wr.data().length;
        return new SmbResult.Done(NtStatus.SUCCESS, w -> w.u16(17).u16(0).i32(n).i32(0).u16(0).u16(0), p.id());
    }

    private SmbResult read(SmbRequest req) throws WireException {
        PipeRequests.Read rd = PipeRequests.read(req.body());
        NamedPipe p = pipe(req, rd.fileId());
        if (p == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        return PipeWait.answer(p, rd.length(), this::isOpen, IpcCommands::readResponse);
    }

    private boolean isOpen(NamedPipe p) {
        return pipes.get(p.id().volatile_()) == p;
    }

    static SmbResult readResponse(NamedPipe.Chunk c) {
        byte[] data = c.data();
        return new SmbResult.Done(c.more() ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS,
                w -> w.u16(17).u8(80).u8(0).i32(data.length).i32(0).i32(0).bytes(data), null);
    }

    /** FSCTL_PIPE_TRANSCEIVE: write the input, answer with what the pipe has for it (MS-FSCC 2.3.49). */
    public SmbResult transceive(SmbRequest req, FileId named, byte[] input, int maxOutput, PipeAnswer answer)
            throws WireException {
        NamedPipe p = pipe(req, named);
        if (p == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        p.write(input);
        return PipeWait.answer(p, maxOutput, this::isOpen, c -> answer.of(c.data(), c.more()));
    }

    /** Builds the response to a transceive from the pipe's output (more: the message did not fit). */
    @FunctionalInterface
    public interface PipeAnswer {
        SmbResult of(byte[] data, boolean more);
    }

    private SmbResult close(SmbRequest req) throws WireException {
        FileId named = PipeRequests.close(req.body());
        NamedPipe p = pipe(req, named);
        if (p == null) {
            return SmbResult.fail(NtStatus.FILE_CLOSED);
        }
        pipes.remove(p.id().volatile_());
        p.wakeReaders();
        return SmbResult.ok(w -> w.u16(60).u16(0).i32(0).zeros(48).i32(0));
    }

    @Override
    public void treeClosed(SmbSession session, TreeConnect tree) {
        drop(p -> p.sessionId() == session.id() && p.treeId() == tree.id());
    }

    @Override
    public void sessionClosed(SmbSession session) {
        drop(p -> p.sessionId() == session.id());
    }

    @Override
    public void connectionClosed() {
        drop(p -> true);
    }

    private void drop(java.util.function.Predicate<NamedPipe> which) {
        pipes.values().removeIf(p -> {
            if (which.test(p)) {
                p.wakeReaders();
                return true;
            }
            return false;
        });
    }

    int openPipes() {
        return pipes.size();
    }
}
