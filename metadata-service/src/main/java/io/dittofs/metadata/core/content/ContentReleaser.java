package io.dittofs.metadata.core.content;

import io.dittofs.metadata.spi.Release;

/**
 * Applies one outbox entry to the content (the block-service). Must be idempotent: an entry is
 * applied again when the metadata-service died between applying and acknowledging it.
 */
public interface ContentReleaser {

    /**
     * @return true when the content now agrees (applied, or nothing left to apply); false when the
     *         entry can never be applied and is dropped (logged by the implementation)
     * @throws RuntimeException when the content service could not be reached; the entry stays
     */
    boolean apply(Release release);

    /** No content service: nothing is recorded, nothing is guarded (a metadata-service on its own). */
    ContentReleaser NONE = r -> true;
}
