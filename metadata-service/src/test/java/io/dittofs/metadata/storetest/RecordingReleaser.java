package io.dittofs.metadata.storetest;

import io.dittofs.metadata.core.content.ContentReleaser;
import io.dittofs.metadata.spi.Release;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The block-service as the metadata-service sees it through the outbox: records what it was
 * asked to apply, can be made unreachable, and can run a step while a call is "in flight".
 */
public final class RecordingReleaser implements ContentReleaser {

    public final List<Release> applied = new CopyOnWriteArrayList<>();
    public volatile boolean reachable = true;
    public volatile Consumer<Release> during = r -> { };

    @Override
    public boolean apply(Release r) {
        if (!reachable) {
            throw new IllegalStateException("block-service unreachable (test)");
        }
        during.accept(r);
        applied.add(r);
        return true;
    }
}
