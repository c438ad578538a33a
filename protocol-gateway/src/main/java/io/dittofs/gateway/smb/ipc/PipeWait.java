package io.dittofs.gateway.smb.ipc;

import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.NtStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/** A pipe read: answered at once when the pipe has a message, else async until it has one, is closed or cancelled. */
final class PipeWait {

    private PipeWait() {
    }

    static SmbResult answer(NamedPipe p, int max, Predicate<NamedPipe> open,
                            Function<NamedPipe.Chunk, SmbResult> response) {
        NamedPipe.Chunk c = p.read(max);
        if (c != null) {
            return response.apply(c);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<SmbResult> result = new CompletableFuture<>();
        Runnable[] retry = new Runnable[1];
        retry[0] = () -> p.whenReadable().thenRun(() -> {
            if (cancelled.get()) {
                result.complete(SmbResult.fail(NtStatus.CANCELLED));
                return;
            }
            if (!open.test(p)) {
                result.complete(SmbResult.fail(IpcCommands.PIPE_DISCONNECTED));
                return;
            }
            NamedPipe.Chunk next = p.read(max);
            if (next == null) {
                retry[0].run(); // another reader took it
            } else {
                result.complete(response.apply(next));
            }
        });
        retry[0].run();
        return new SmbResult.Pending(result, () -> {
            cancelled.set(true);
            p.wakeReaders();
        });
    }
}
