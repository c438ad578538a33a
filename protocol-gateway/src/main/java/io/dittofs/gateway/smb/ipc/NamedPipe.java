package io.dittofs.gateway.smb.ipc;

import io.dittofs.gateway.smb.ipc.rpc.RpcEndpoint;
import io.dittofs.gateway.smb.ipc.rpc.RpcPdu;
import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * One open of a message-mode named pipe with a DCE/RPC endpoint behind it. Writes deliver bytes;
 * each complete PDU is answered at once and its answer PDUs queue as messages. A read returns the
 * head message, or as much of it as fits (the rest stays: BUFFER_OVERFLOW); a read on an empty
 * pipe waits until a write brings an answer (the caller goes async).
 */
final class NamedPipe {

    /** Bytes of an incomplete PDU a pipe holds, and answer bytes queued, at most. */
    static final int MAX_BUFFERED = 1 << 20;

    record Chunk(byte[] data, boolean more) {
    }

    private final FileId id;
    private final long sessionId;
    private final int treeId;
    private final RpcEndpoint rpc;
    private byte[] inbound = new byte[0];
    private final Deque<byte[]> out = new ArrayDeque<>();
    private int queued;
    private CompletableFuture<Void> readable;

    NamedPipe(FileId id, long sessionId, int treeId, RpcEndpoint rpc) {
        this.id = id;
        this.sessionId = sessionId;
        this.treeId = treeId;
        this.rpc = rpc;
    }

    FileId id() {
        return id;
    }

    long sessionId() {
        return sessionId;
    }

    int treeId() {
        return treeId;
    }

    synchronized void write(byte[] data) throws WireException {
        if (inbound.length + data.length > MAX_BUFFERED) {
            throw new WireException("pipe write beyond " + MAX_BUFFERED + " buffered bytes");
        }
        byte[] all = Arrays.copyOf(inbound, inbound.length + data.length);
        System.arraycopy(data, 0, all, inbound.length, data.length);
        int at = 0;
        while (true) {
            int len = RpcPdu.length(all, at, all.length);
            if (len < 0 || all.length - at < len) {
                break;
            }
            for (byte[] answer : rpc.accept(Arrays.copyOfRange(all, at, at + len))) {
                if (queued + answer.length > MAX_BUFFERED) {
                    throw new WireException("pipe answers not read beyond " + MAX_BUFFERED + " bytes");
                }
                out.add(answer);
                queued += answer.length;
            }
            at += len;
        }
        inbound = Arrays.copyOfRange(all, at, all.length);
        if (!out.isEmpty() && readable != null) {
            CompletableFuture<Void> r = readable;
            readable = null;
            r.complete(null);
        }
    }

    /** Up to {@code max} bytes of the head message, or null when nothing is queued. */
    synchronized Chunk read(int max) {
        byte[] head = out.poll();
        if (head == null) {
            return null;
        }
        if (head.length <= max) {
            queued -= head.length;
            return new Chunk(head, false);
        }
        out.addFirst(Arrays.copyOfRange(head, max, head.length));
        queued -= max;
        return new Chunk(Arrays.copyOf(head, max), true);
    }

    /** Completes when a write queues an answer (at once if one is queued). */
    synchronized CompletableFuture<Void> whenReadable() {
        if (!out.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (readable == null) {
            readable = new CompletableFuture<>();
        }
        return readable;
    }

    /** Ends a waiting read (close, cancel). */
    synchronized void wakeReaders() {
        if (readable != null) {
            CompletableFuture<Void> r = readable;
            readable = null;
            r.complete(null);
        }
    }
}
