package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.wire.FileId;
import io.dittofs.gateway.smb.wire.SmbWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What a command handler answers. */
public sealed interface SmbResult {

    /** A response body with its status (SUCCESS, or e.g. BUFFER_OVERFLOW with data); {@code opened} feeds related compounds. */
    record Done(int status, Consumer<SmbWriter> body, FileId opened) implements SmbResult {
    }

    /** An error response (MS-SMB2 2.2.2) with this status. */
    record Failed(int status) implements SmbResult {
    }

    /**
     * The command waits (a blocking LOCK, CHANGE_NOTIFY): the client gets STATUS_PENDING with an
     * async id now and the result when {@code result} completes. CANCEL runs {@code cancel},
     * which must complete {@code result} (normally with {@code Failed(CANCELLED)}).
     */
    record Pending(CompletableFuture<SmbResult> result, Runnable cancel) implements SmbResult {
    }

    /** The client broke the protocol (e.g. VALIDATE_NEGOTIATE_INFO mismatch): no response, the connection is closed. */
    record Drop(String reason) implements SmbResult {
    }

    static SmbResult ok(Consumer<SmbWriter> body) {
        return new Done(0, body, null);
    }

    static SmbResult opened(Consumer<SmbWriter> body, FileId id) {
        return new Done(0, body, id);
    }

    static SmbResult fail(int status) {
        return new Failed(status);
    }
}
