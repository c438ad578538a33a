package io.dittofs.gateway.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Handle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttrCacheTest {

    private static final Handle H = Handle.of(new byte[] {1, 0, 0, 0, 1, 7});
    private static final AttrCache.Who WHO = new AttrCache.Who(1000, 1000, List.of(), false);

    private static FileAttr attr(long size) {
        return new FileAttr(FileType.REGULAR, 0644, 1, 0, 0, size, 0, 0, 0, 1, 7, null, null, null, 1, null, null, 0, false, null);
    }

    private static AttrCache live() {
        AttrCache c = new AttrCache(64, null);
        c.extend(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
        return c;
    }

    @Test
    void aResultFetchedWhileAnInvalidationArrivedIsNotKept() {
        AttrCache c = live();
        long ticket = c.ticket();
        c.invalidate(List.of(Handle.of(new byte[] {1, 0, 0, 0, 1, 9})));   // any invalidation, even of another object
        c.putAttr(ticket, H, attr(1));
        c.putLookup(ticket, H, "n", WHO, new AttrCache.Lookup(io.dittofs.gateway.fs.model.FsStatus.NOENT, null));
        c.putAccess(ticket, H, WHO, 1, 1);
        assertThat(c.attr(H)).isNull();
        assertThat(c.lookup(H, "n", WHO)).isNull();
        assertThat(c.access(H, WHO, 1)).isNull();

        long fresh = c.ticket();
        c.putAttr(fresh, H, attr(2));
        assertThat(c.attr(H).size()).isEqualTo(2);
    }

    @Test
    void anOwnChangeKeepsItsAnswerOnlyIfNothingElseWasInvalidatedMeanwhile() {
        AttrCache c = live();
        long ticket = c.ticket();
        c.invalidate(List.of(H));                  // the change's own answer
        c.putAttr(AttrCache.afterOwnChange(ticket), H, attr(5));
        assertThat(c.attr(H).size()).isEqualTo(5);

        ticket = c.ticket();
        c.invalidate(List.of(H));                  // the change's own answer
        c.invalidate(List.of(H));                  // and someone else's, possibly newer
        c.putAttr(AttrCache.afterOwnChange(ticket), H, attr(6));
        assertThat(c.attr(H)).isNull();
        assertThat(AttrCache.afterOwnChange(AttrCache.NO_TICKET)).isEqualTo(AttrCache.NO_TICKET);
    }

    @Test
    void nothingIsKeptOrServedWithoutALease() {
        AttrCache c = new AttrCache(64, null);
        assertThat(c.ticket()).isEqualTo(AttrCache.NO_TICKET);
        c.putAttr(c.ticket(), H, attr(1));
        assertThat(c.size()).isZero();

        c.extend(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
        c.putAttr(c.ticket(), H, attr(1));
        assertThat(c.attr(H)).isNotNull();
        long ticket = c.ticket();
        c.reset();
        assertThat(c.live()).isFalse();
        assertThat(c.attr(H)).isNull();
        c.extend(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
        c.putAttr(ticket, H, attr(3));   // fetched before the reset
        assertThat(c.attr(H)).isNull();
    }

    @Test
    void aLapsedLeaseStopsServing() throws InterruptedException {
        AttrCache c = new AttrCache(64, null);
        c.extend(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        c.putAttr(c.ticket(), H, attr(1));
        Thread.sleep(40);
        assertThat(c.lapsed()).isTrue();
        assertThat(c.attr(H)).isNull();
    }

    @Test
    void invalidatingADirectoryDropsItsNames() {
        AttrCache c = live();
        c.putLookup(c.ticket(), H, "n", WHO, new AttrCache.Lookup(io.dittofs.gateway.fs.model.FsStatus.NOENT, null));
        assertThat(c.lookup(H, "n", WHO)).isNotNull();
        assertThat(c.lookup(H, "n", new AttrCache.Who(0, 0, List.of(), false))).isNull();
        c.invalidate(List.of(H));
        assertThat(c.lookup(H, "n", WHO)).isNull();
    }

    @Test
    void aChangedNameIsDroppedForEveryCallerAndTheDirectorysOtherNamesStay() {
        AttrCache c = live();
        AttrCache.Who other = new AttrCache.Who(0, 0, List.of(), false);
        Handle child = Handle.of(new byte[] {1, 0, 0, 0, 1, 8});
        c.putAttr(c.ticket(), H, attr(4096));
        c.putLookup(c.ticket(), H, "a", WHO, new AttrCache.Lookup(io.dittofs.gateway.fs.model.FsStatus.OK, child));
        c.putLookup(c.ticket(), H, "b", WHO, new AttrCache.Lookup(io.dittofs.gateway.fs.model.FsStatus.NOENT, null));
        c.putLookup(c.ticket(), H, "b", other, new AttrCache.Lookup(io.dittofs.gateway.fs.model.FsStatus.NOENT, null));
        c.invalidate(List.of(), List.of(H), List.of(new AttrCache.Name(H, "b")));   // "b" created in H
        assertThat(c.attr(H)).isNull();
        assertThat(c.lookup(H, "b", WHO)).isNull();
        assertThat(c.lookup(H, "b", other)).isNull();
        assertThat(c.lookup(H, "a", WHO).child()).isEqualTo(child);
    }

    @Test
    void staysBounded() {
        AttrCache c = live();
        for (int i = 0; i < 1000; i++) {
            c.putAttr(c.ticket(), Handle.of(new byte[] {1, 0, 0, 0, 1, (byte) i, (byte) (i >> 8)}), attr(i));
        }
        assertThat(c.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void anOpenCheckIsKnownFromItsOwnAnswerOrFromAnAccessGrantButNeverFromAnAccessRefusal() {
        AttrCache c = live();
        AttrCache.Who other = new AttrCache.Who(2000, 2000, List.of(), false);
        assertThat(c.opens(H, WHO, 1)).isNull();
        // ACCESS refused READ: the open check may still pass (an owner reads whatever the mode)
        c.putAccess(c.ticket(), H, WHO, 0x3f, 0x04);
        assertThat(c.opens(H, WHO, 1)).isNull();
        assertThat(c.opens(H, WHO, 4)).isTrue();
        assertThat(c.opens(H, WHO, 5)).isNull();
        c.putOpen(c.ticket(), H, WHO, 1, true);
        assertThat(c.opens(H, WHO, 1)).isTrue();
        // per caller
        assertThat(c.opens(H, other, 1)).isNull();
        c.putOpen(c.ticket(), H, other, 1, false);
        assertThat(c.opens(H, other, 1)).isFalse();
        // the object's invalidation drops its open answers with everything else
        c.invalidate(List.of(H));
        assertThat(c.opens(H, WHO, 1)).isNull();
        assertThat(c.opens(H, WHO, 4)).isNull();
        assertThat(c.opens(H, other, 1)).isNull();
        // and an answer fetched across an invalidation is not kept
        long ticket = c.ticket();
        c.invalidate(List.of(Handle.of(new byte[] {1, 0, 0, 0, 1, 9})));
        c.putOpen(ticket, H, WHO, 1, true);
        assertThat(c.opens(H, WHO, 1)).isNull();
    }
}
