package io.dittofs.metadata.core;

import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.StoreTx;
import io.dittofs.metadata.core.content.ContentOutbox;
import io.dittofs.metadata.core.content.ContentReleaser;
import io.dittofs.metadata.core.content.ReleaseDrain;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * What every operation shares: the store, the handle codec (its key kept in the store), the
 * clock and the settings, plus the few steps every operation repeats (resolve a handle, touch a
 * directory). Operations live in {@code io.dittofs.metadata.core.ops}, one class each.
 */
public final class MetadataCore implements AutoCloseable {

    static final String HANDLE_KEY = "handle-key";

    private final MetadataStore store;
    private final CoreSettings settings;
    private final HandleCodec handles;
    private final Clock clock = new Clock();
    private final SecureRandom random = new SecureRandom();
    /** New on every start: deferred (unstable) changes may have been lost when it changes. */
    private final byte[] verifier = new byte[8];

    private final ContentOutbox outbox;
    private final ReleaseDrain drain;
    private final ContentReleaser releaser;

    /** A namespace without a content service: no content outbox (tests of the namespace alone). */
    public MetadataCore(MetadataStore store, CoreSettings settings) {
        this(store, settings, ContentReleaser.NONE, Duration.ofSeconds(2));
    }

    /**
     * @param releaser      applies released content to the block-service (NONE: record nothing)
     * @param retryInterval how often the drain retries entries it could not apply
     */
    public MetadataCore(MetadataStore store, CoreSettings settings, ContentReleaser releaser, Duration retryInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outbox = new ContentOutbox(releaser != ContentReleaser.NONE);
        this.drain = new ReleaseDrain(store, releaser, retryInterval);
        this.releaser = releaser;
        random.nextBytes(verifier);
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        this.handles = new HandleCodec(store.write(tx -> tx.meta(HANDLE_KEY).orElseGet(() -> {
            tx.putMeta(HANDLE_KEY, fresh);
            return fresh;
        })));
    }

    public MetadataStore store() {
        return store;
    }

    public ContentOutbox outbox() {
        return outbox;
    }

    public ReleaseDrain drain() {
        return drain;
    }

    public CoreSettings settings() {
        return settings;
    }

    public long now() {
        return clock.now();
    }

    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** This instance's write verifier (8 bytes, see RecordWriteResponse.verifier). */
    public byte[] verifier() {
        return verifier.clone();
    }

    public int randomInt() {
        return random.nextInt();
    }

    public FileHandle handle(Inode i) {
        return handles.encode(i.share(), i.id(), i.generation());
    }

    /** Verifies the MAC (BADHANDLE) outside any transaction; cheap, so done before touching the store. */
    public HandleCodec.Ref ref(FileHandle h) {
        return handles.decode(h);
    }

    /** The live inode a verified handle names, or STALE when it is gone or was replaced. */
    public Inode resolve(StoreTx tx, HandleCodec.Ref ref) {
        Inode i = tx.inode(ref.id()).orElseThrow(() -> new StatusException(Status.STALE, "inode " + ref.id() + " is gone"));
        if (i.generation() != ref.generation() || i.share() != ref.share()) {
            throw new StatusException(Status.STALE, "inode " + ref.id() + " generation/share mismatch");
        }
        return i;
    }

    public static Inode requireDir(Inode i) {
        if (i.type() != FileType.DIRECTORY) {
            throw new StatusException(Status.NOTDIR, "inode " + i.id() + " is not a directory");
        }
        return i;
    }

    /** A directory whose entries changed: new mtime/ctime/change, nlink adjusted for subdirectories. */
    public Inode touchDir(StoreTx tx, Inode dir, long now, int nlinkDelta) {
        Inode.Edit e = dir.edit();
        e.mtime = now;
        e.ctime = now;
        e.change = dir.change() + 1;
        e.nlink = dir.nlink() + nlinkDelta;
        Inode after = e.build();
        tx.putInode(after);
        return after;
    }

    /** Takes the next readdir cookie of a directory (the caller stores the returned inode). */
    public static long nextCookie(Inode.Edit dir) {
        long c = dir.nextCookie;
        dir.nextCookie = c + 1;
        return c;
    }

    /** Stops the content drain (pending entries stay in the store for the next start). */
    @Override
    public void close() {
        drain.close();
        if (releaser instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the content releaser failed", e);
            }
        }
    }
}
