package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fs.NamespaceEvents;
import io.dittofs.gateway.fs.NamespaceEvents.Action;
import io.dittofs.gateway.fs.NamespaceEvents.Change;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.smb.server.SmbResult;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest;
import io.dittofs.gateway.smb.wire.ChangeNotifyRequest.Entry;
import io.dittofs.gateway.smb.wire.NtStatus;
import io.dittofs.gateway.smb.wire.SmbWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The watch of a directory open and the server-wide routing of namespace changes to watches:
 * FILE_NOTIFY_INFORMATION layout (MS-FSCC 2.4.42), collection between requests, filters, tree
 * watches naming changes by relative path, overflow → NOTIFY_ENUM_DIR, CANCEL, close →
 * NOTIFY_CLEANUP.
 */
class NotifyWatchTest {

    private static final Handle ROOT = Handle.of(new byte[] {1, 0, 0, 0, 1, 1});
    private static final Handle SUB = Handle.of(new byte[] {1, 0, 0, 0, 1, 2});
    private static final Handle DEEP = Handle.of(new byte[] {1, 0, 0, 0, 1, 3});

    /** The response body of a completed request: status and entries (action, name). */
    private static List<Entry> entries(SmbResult r) {
        SmbResult.Done d = (SmbResult.Done) r;
        SmbWriter w = new SmbWriter(64);
        d.body().accept(w);
        ByteBuffer b = ByteBuffer.wrap(w.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).isEqualTo((short) 9);
        int length = b.getInt(4);
        List<Entry> out = new java.util.ArrayList<>();
        if (length == 0) {
            return out;
        }
        assertThat(b.getShort(2)).as("buffer offset from the header").isEqualTo((short) (64 + 8));
        int at = 8;
        while (true) {
            int next = b.getInt(at);
            int action = b.getInt(at + 4);
            int nameLength = b.getInt(at + 8);
            byte[] name = new byte[nameLength];
            b.get(at + 12, name);
            out.add(new Entry(action, new String(name, StandardCharsets.UTF_16LE)));
            if (next == 0) {
                break;
            }
            assertThat(next % 4).as("entries are 4-byte aligned").isZero();
            at += next;
        }
        assertThat(ChangeNotifyRequest.size(out)).isEqualTo(length);
        return out;
    }

    private static int status(SmbResult r) {
        return r instanceof SmbResult.Done d ? d.status() : ((SmbResult.Failed) r).status();
    }

    @Test
    void aWaitingRequestCompletesOnTheFirstMatchingChangeAndLaterOnesAreCollected() {
        NamespaceEvents events = new NamespaceEvents();
        Notifications n = new Notifications(events);
        NotifyWatch w = new NotifyWatch(ROOT, ChangeNotifyRequest.FILE_NAME, false);
        n.add(w);
        CompletableFuture<SmbResult> first = w.request(4096);
        assertThat(first).isNotDone();

        events.publish(new Change(ROOT, "made-a-dir", Action.ADDED, true, NamespaceEvents.NAME));
        assertThat(first).as("a directory name change does not match FILE_NAME").isNotDone();
        events.publish(new Change(SUB, "elsewhere.txt", Action.ADDED, false, NamespaceEvents.NAME));
        assertThat(first).as("another directory, not a tree watch").isNotDone();
        events.publish(new Change(ROOT, "a.txt", Action.ADDED, false, NamespaceEvents.NAME));
        assertThat(status(first.join())).isEqualTo(NtStatus.SUCCESS);
        assertThat(entries(first.join())).containsExactly(new Entry(1, "a.txt"));

        events.publish(new Change(ROOT, "a.txt", Action.RENAMED_OLD_NAME, false, NamespaceEvents.NAME));
        events.publish(new Change(ROOT, "b.txt", Action.RENAMED_NEW_NAME, false, NamespaceEvents.NAME));
        events.publish(new Change(ROOT, "b.txt", Action.REMOVED, false, NamespaceEvents.NAME));
        CompletableFuture<SmbResult> second = w.request(4096);
        assertThat(second).as("collected between requests: answered at once").isDone();
        assertThat(entries(second.join())).containsExactly(new Entry(4, "a.txt"), new Entry(5, "b.txt"),
                new Entry(2, "b.txt"));
        n.remove(w);
        assertThat(events.watched()).isFalse();
    }

    @Test
    void aTreeWatchNamesChangesBelowByRelativePath() {
        NamespaceEvents events = new NamespaceEvents();
        Notifications n = new Notifications(events);
        events.placed(SUB, ROOT, "sub");
        events.placed(DEEP, SUB, "deeper");
        NotifyWatch tree = new NotifyWatch(ROOT, ChangeNotifyRequest.FILE_NAME | ChangeNotifyRequest.SIZE, true);
        NotifyWatch flat = new NotifyWatch(ROOT, ChangeNotifyRequest.FILE_NAME, false);
        n.add(tree);
        n.add(flat);
        events.publish(new Change(DEEP, "x.txt", Action.ADDED, false, NamespaceEvents.NAME));
        events.publish(new Change(DEEP, "x.txt", Action.MODIFIED, false, NamespaceEvents.SIZE | NamespaceEvents.LAST_WRITE));
        assertThat(entries(tree.request(4096).join()))
                .containsExactly(new Entry(1, "sub\\deeper\\x.txt"), new Entry(3, "sub\\deeper\\x.txt"));
        assertThat(flat.request(4096)).as("not a tree watch: nothing").isNotDone();
    }

    @Test
    void moreThanTheBufferHoldsIsNotifyEnumDir() {
        NotifyWatch w = new NotifyWatch(ROOT, ChangeNotifyRequest.FILE_NAME, false);
        for (int i = 0; i < 10; i++) {
            w.offer(ChangeNotifyRequest.FILE_NAME, new Entry(1, "file-" + i));
        }
        SmbResult r = w.request(64).join();
        assertThat(status(r)).isEqualTo(NtStatus.NOTIFY_ENUM_DIR);
        assertThat(entries(r)).isEmpty();
        for (int i = 0; i <= NotifyWatch.MAX_COLLECTED; i++) {
            w.offer(ChangeNotifyRequest.FILE_NAME, new Entry(1, "f"));
        }
        assertThat(status(w.request(1 << 20).join())).as("beyond the collection cap").isEqualTo(NtStatus.NOTIFY_ENUM_DIR);
        assertThat(w.request(1 << 20)).as("the overflow was reported once").isNotDone();
    }

    @Test
    void cancelAndCloseEndWaitingRequests() {
        NotifyWatch w = new NotifyWatch(ROOT, ChangeNotifyRequest.FILE_NAME, false);
        CompletableFuture<SmbResult> a = w.request(4096);
        CompletableFuture<SmbResult> b = w.request(4096);
        w.cancel(a);
        assertThat(status(a.join())).isEqualTo(NtStatus.CANCELLED);
        assertThat(b).isNotDone();
        w.close();
        assertThat(status(b.join())).isEqualTo(NtStatus.NOTIFY_CLEANUP);
        assertThat(entries(b.join())).isEmpty();
        assertThat(status(w.request(4096).join())).isEqualTo(NtStatus.NOTIFY_CLEANUP);
    }

    @Test
    void aDeletePendingDirectoryEndsTheRequestsWaitingOnItsWatchesOnly() {
        Notifications n = new Notifications(new NamespaceEvents());
        NotifyWatch onRoot = new NotifyWatch(ROOT, ChangeNotifyRequest.FILE_NAME, false);
        NotifyWatch onSub = new NotifyWatch(SUB, ChangeNotifyRequest.FILE_NAME, true);
        n.add(onRoot);
        n.add(onSub);
        CompletableFuture<SmbResult> r = onRoot.request(4096);
        CompletableFuture<SmbResult> s = onSub.request(4096);
        n.deletePending(ROOT);
        assertThat(status(r.join())).isEqualTo(NtStatus.DELETE_PENDING);
        assertThat(s).as("another directory's watch keeps waiting").isNotDone();
        onSub.close();
        assertThat(status(s.join())).isEqualTo(NtStatus.NOTIFY_CLEANUP);
    }
}
