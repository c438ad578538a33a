package io.dittofs.metadata.core.content;

import io.dittofs.metadata.spi.Release;
import java.util.List;

/**
 * Applies outbox entries to the content (the block-service). Must be idempotent: an entry is
 * applied again when the metadata-service died between applying and acknowledging it.
 */
public interface ContentReleaser {

    /**
     * @return true when the content now agrees (applied, or nothing left to apply); false when the
     *         entry can never be applied and is dropped (logged by the implementation)
     * @throws RuntimeException when the content service could not be reached; the entry stays
     */
    boolean apply(Release release);

    /**
     * Applies a drain pass's entries, in as few calls as the content service allows, and tells
     * {@code done} of each entry that needs no further pass (applied, or dropped for good; one
     * entry per payload, so their order does not matter).
     *
     * @throws RuntimeException when some entry could not be applied (the content service is
     *         unreachable or asks to retry): the entries not yet told to {@code done} stay
     */
    default void applyAll(List<Release> batch, Done done) {
        for (Release r : batch) {
            done.done(r, apply(r));
        }
    }

    /** Receives the entries {@link #applyAll} finished. */
    @FunctionalInterface
    interface Done {
        /** @param applied true: applied; false: can never be applied, dropped */
        void done(Release release, boolean applied);
    }

    /** No content service: nothing is recorded, nothing is guarded (a metadata-service on its own). */
    ContentReleaser NONE = r -> true;
}
