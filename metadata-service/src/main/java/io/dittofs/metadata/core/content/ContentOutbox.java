package io.dittofs.metadata.core.content;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.Release;
import io.dittofs.metadata.spi.StoreTx;

/**
 * The namespace's side of "namespace and content agree by design". Operations call it inside
 * their write transaction, so what the block-service must release is recorded atomically with
 * the namespace change that released it (see {@link Release}); {@link ReleaseDrain} applies the
 * entries afterwards.
 *
 * <p>Shrink-then-grow: until a cut to size S has reached the content, bytes beyond S may still be
 * there. Reads are safe (the gateway clips a read at the namespace size), but growing the file
 * past S would expose them. So a write or SETATTR that would grow a file past a pending cut is
 * refused with DELAY (NFS3ERR_JUKEBOX, the client retries) until the cut is applied. SETATTR
 * applies its cut synchronously right after its commit, so this only happens while the
 * block-service is unreachable — when the write could not store its data anyway.
 */
public final class ContentOutbox {

    private final boolean enabled;

    public ContentOutbox(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether this namespace reaches the block-service itself (released content and cuts are applied by it). */
    public boolean enabled() {
        return enabled;
    }

    /** The last link of a file went away: its whole content goes. */
    public void released(StoreTx tx, Inode gone) {
        if (enabled && gone.payloadId().length > 0) {
            tx.putRelease(new Release(gone.payloadId(), Release.DELETE));
        }
    }

    /** A size change in this transaction; records a cut when the file shrank. */
    public void resized(StoreTx tx, Inode before, Inode after) {
        if (!enabled || after.size() >= before.size() || after.payloadId().length == 0) {
            return;
        }
        long size = tx.pendingRelease(after.payloadId()).map(p -> Math.min(p, after.size())).orElse(after.size());
        tx.putRelease(new Release(after.payloadId(), size));
    }

    /** Refuses (DELAY) to let the file reach beyond {@code end} bytes while a cut below that is pending. */
    public void requireGrowable(StoreTx tx, Inode i, long end) {
        if (!enabled || i.payloadId().length == 0) {
            return;
        }
        tx.pendingRelease(i.payloadId()).ifPresent(cut -> {
            if (end > cut) {
                throw new StatusException(Status.DELAY, "inode " + i.id() + " shrank to " + cut
                        + " and the content service has not applied it yet; growing to " + end + " must wait");
            }
        });
    }
}
