package io.dittofs.gateway.rpc.callback;

import io.dittofs.gateway.rpc.Credential;
import io.dittofs.gateway.rpc.RpcClient;
import io.dittofs.gateway.rpc.RpcMessage;
import io.dittofs.gateway.rpc.RpcReplies;
import io.dittofs.gateway.rpc.RpcReply;
import io.dittofs.gateway.rpc.XdrWriter;
import io.dittofs.gateway.rpc.auth.AuthSys;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An RPC client over one channel: CALLs go out through the channel's record-marking encoder,
 * REPLYs come back through {@link ReplyRouter} and complete the future waiting on their xid. On a
 * server connection this is the backchannel (the server calling the client that connected); on a
 * connection opened by {@link RpcConnector} it is an ordinary client.
 */
public final class ChannelRpcClient implements RpcClient {

    /** Calls awaiting a reply per connection; more are refused rather than queued without bound. */
    static final int MAX_PENDING = 1024;

    private final Channel channel;
    private final Duration timeout;
    private final Map<Integer, CompletableFuture<RpcReply>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextXid = new AtomicInteger(ThreadLocalRandom.current().nextInt());

    public ChannelRpcClient(Channel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    public Channel channel() {
        return channel;
    }

    @Override
    public CompletableFuture<RpcReply> call(int program, int version, int procedure, Credential credential,
                                            Consumer<XdrWriter> args) {
        if (!channel.isActive()) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        if (pending.size() >= MAX_PENDING) {
            return CompletableFuture.failedFuture(new RejectedExecutionException(
                    MAX_PENDING + " calls already wait for a reply on " + channel.remoteAddress()));
        }
        int xid = nextXid.getAndIncrement();
        ByteBuf msg = channel.alloc().buffer();
        try {
            XdrWriter out = new XdrWriter(msg);
            RpcReplies.callHeader(out, xid, program, version, procedure);
            AuthSys.writeCredential(out, credential);
            out.writeInt(Credential.AUTH_NONE).writeInt(0);
            args.accept(out);
        } catch (RuntimeException e) {
            msg.release();
            throw e;
        }
        CompletableFuture<RpcReply> f = new CompletableFuture<>();
        pending.put(xid, f);
        f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(xid, f));
        channel.writeAndFlush(msg).addListener(w -> {
            if (!w.isSuccess()) {
                f.completeExceptionally(w.cause());
            }
        });
        return f;
    }

    /** Completes the call waiting for {@code reply}'s xid; false when none waits (late or unsolicited). */
    boolean deliver(RpcMessage.Reply reply) {
        CompletableFuture<RpcReply> f = pending.remove(reply.xid());
        if (f == null) {
            return false;
        }
        f.complete(new RpcReply(reply.xid(), reply.status(), ByteBufUtil.getBytes(reply.results())));
        return true;
    }

    /** The connection closed: every waiting call fails. */
    void closed() {
        ClosedChannelException e = new ClosedChannelException();
        pending.values().forEach(f -> f.completeExceptionally(e));
        pending.clear();
    }

    int pending() {
        return pending.size();
    }
}
