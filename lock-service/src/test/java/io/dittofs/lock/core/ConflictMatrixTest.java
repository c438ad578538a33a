package io.dittofs.lock.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.lock.v1.OpenResponse;
import io.dittofs.contracts.lock.v1.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of lock kinds, share modes and grant kinds, against the rules as the specs state them
 * (POSIX fcntl for NLM/NFSv4, MS-FSA byte-range locks for SMB, share reservations, lease states).
 * Ranges are drawn from a seeded random for each geometric relation.
 */
class ConflictMatrixTest extends CoreTestBase {

    enum Relation { DISJOINT, ADJACENT, OVERLAP, INSIDE, SAME }

    static Stream<Arguments> lockPairs() {
        List<Arguments> out = new ArrayList<>();
        for (Protocol held : List.of(Protocol.NLM, Protocol.NFS4, Protocol.SMB)) {
            for (Protocol req : List.of(Protocol.NLM, Protocol.NFS4, Protocol.SMB)) {
                for (boolean sameOwner : new boolean[] {false, true}) {
                    if (sameOwner && held != req) {
                        continue; // an owner belongs to one client, and a client to one protocol
                    }
                    for (boolean heldWrite : new boolean[] {false, true}) {
                        for (boolean reqWrite : new boolean[] {false, true}) {
                            for (Relation rel : Relation.values()) {
                                out.add(Arguments.of(held, heldWrite, req, reqWrite, sameOwner, rel));
                            }
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} vs {2} {3} sameOwner={4} {5}")
    @MethodSource("lockPairs")
    void byteRangeLocks(Protocol held, boolean heldWrite, Protocol req, boolean reqWrite, boolean sameOwner, Relation rel) {
        Random rnd = new Random(held.ordinal() * 1000L + req.ordinal() * 100L + rel.ordinal());
        long a = rnd.nextInt(1 << 20);
        long len = 2 + rnd.nextInt(1000);
        long b;
        long blen;
        switch (rel) {
            case DISJOINT -> { b = a + len + 1 + rnd.nextInt(100); blen = 1 + rnd.nextInt(100); }
            case ADJACENT -> { b = a + len; blen = 1 + rnd.nextInt(100); }
            case OVERLAP -> { b = a + len - 1; blen = 2 + rnd.nextInt(100); }
            case INSIDE -> { b = a + 1; blen = len - 1; }
            default -> { b = a; blen = len; }
        }
        boolean overlaps = rel != Relation.DISJOINT && rel != Relation.ADJACENT;
        ByteString c1 = fx.client(held, "gw");
        ByteString c2 = sameOwner ? c1 : fx.client(req, "gw");
        String o2 = sameOwner ? "owner" : "other";
        assertThat(fx.lock(c1, "owner", "f", a, len, heldWrite).getStatus()).isEqualTo(Status.OK);

        boolean expectDenied;
        if (!overlaps) {
            expectDenied = false;
        } else if (sameOwner) {
            // POSIX: an owner's locks never conflict with themselves; Windows: exclusive needs the range free
            expectDenied = req == Protocol.SMB && reqWrite;
        } else {
            expectDenied = heldWrite || reqWrite;
        }
        assertThat(fx.test(c2, o2, "f", b, blen, reqWrite)).isEqualTo(expectDenied ? Status.DENIED : Status.OK);
        assertThat(fx.lock(c2, o2, "f", b, blen, reqWrite).getStatus()).isEqualTo(expectDenied ? Status.DENIED : Status.OK);
    }

    static Stream<Arguments> sharePairs() {
        List<Arguments> out = new ArrayList<>();
        for (int a1 = 1; a1 < 8; a1++) {
            for (int d1 = 0; d1 < 8; d1++) {
                out.add(Arguments.of(a1, d1));
            }
        }
        return out.stream();
    }

    /** Each existing (access, deny) against every new (access, deny): 7*8 x 7*8 pairs. */
    @ParameterizedTest(name = "existing access={0} deny={1}")
    @MethodSource("sharePairs")
    void shareReservations(int access1, int deny1) {
        ByteString c1 = fx.client(Protocol.NFS4, "gw");
        ByteString c2 = fx.client(Protocol.SMB, "gw");
        String file = "f" + access1 + "-" + deny1;
        OpenResponse first = fx.open(c1, "o1", file, access1, deny1);
        assertThat(first.getStatus()).isEqualTo(Status.OK);
        for (int access2 = 1; access2 < 8; access2++) {
            for (int deny2 = 0; deny2 < 8; deny2++) {
                boolean denied = false;
                for (int bit : new int[] {1, 2, 4}) { // READ, WRITE, DELETE
                    denied |= (access2 & bit) != 0 && (deny1 & bit) != 0;
                    denied |= (deny2 & bit) != 0 && (access1 & bit) != 0;
                }
                OpenResponse second = fx.open(c2, "o2", file, access2, deny2);
                assertThat(second.getStatus()).as("new access=%d deny=%d", access2, deny2)
                        .isEqualTo(denied ? Status.SHARE_DENIED : Status.OK);
                if (!denied) {
                    assertThat(fx.close(second.getOpenId())).isEqualTo(Status.OK);
                }
            }
        }
    }

    static Stream<Arguments> grantPairs() {
        List<Arguments> out = new ArrayList<>();
        for (int held : new int[] {1, 5, 3, 7}) {           // R, RH, RW, RWH
            for (int access : new int[] {1, 2, 3, 4}) {     // read, write, read+write, delete
                for (boolean shareConflict : new boolean[] {false, true}) {
                    out.add(Arguments.of(Protocol.SMB, held, access, shareConflict));
                }
            }
        }
        for (int held : new int[] {1, 3}) {                 // read / write delegation
            for (int access : new int[] {1, 2, 3}) {
                out.add(Arguments.of(Protocol.NFS4, held, access, false));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} grant {1} vs open access {2} shareConflict={3}")
    @MethodSource("grantPairs")
    void grantsAgainstOpens(Protocol p, int held, int access, boolean shareConflict) {
        ByteString holder = fx.client(p, "gw-holder");
        EventLog events = new EventLog(core.table(), "gw-holder");
        // the holder's open denies what the second open asks for when a share conflict is wanted
        int holderDeny = shareConflict ? access : 0;
        OpenResponse first = fx.openWithGrant(holder, "h", "f", 1, holderDeny, held, "lease-1", true);
        assertThat(first.getGrantedGrantBits()).isEqualTo(held);

        int expected = held & ~2;                         // another open: no more exclusive caching
        if ((access & (2 | 4)) != 0) {
            expected &= ~1;                               // a writer: cached reads are stale
        }
        if (shareConflict) {
            expected &= ~4;                               // the holder must close its cached handle
        }
        if ((expected & 1) == 0 || (p == Protocol.NFS4 && expected != held)) {
            expected = 0;                                 // no valid state without R; NFSv4 recalls whole
        }
        ByteString other = fx.client(p, "gw-other");
        OpenResponse second = fx.openWithGrant(other, "o", "f", access, 0, 0, "", true);
        if (expected == held) {
            assertThat(second.getStatus()).isEqualTo(shareConflict ? Status.SHARE_DENIED : Status.OK);
            assertThat(events.breaks()).isEmpty();
        } else {
            assertThat(second.getStatus()).isEqualTo(Status.BREAK_PENDING);
            assertThat(events.breaks()).hasSize(1);
            assertThat(events.breaks().get(0).grant().breakTo()).isEqualTo(expected);
            assertThat(fx.ack(first.getGrantId(), expected)).isEqualTo(Status.OK);
            if (expected == 0 && shareConflict) {
                assertThat(fx.close(first.getOpenId())).isEqualTo(Status.OK);
            }
            OpenResponse retry = fx.openWithGrant(other, "o", "f", access, 0, 0, "", true);
            assertThat(retry.getStatus()).isEqualTo(shareConflict && expected != 0 ? Status.SHARE_DENIED : Status.OK);
        }
    }

    static Stream<Arguments> grantRequests() {
        List<Arguments> out = new ArrayList<>();
        for (int held : new int[] {1, 5, 3, 7}) {
            for (int wanted : new int[] {1, 5, 3, 7}) {
                out.add(Arguments.of(held, wanted));
            }
        }
        return out.stream();
    }

    /** A grant requested next to another holder's grant (both opens read-only). */
    @ParameterizedTest(name = "held {0}, wanted {1}")
    @MethodSource("grantRequests")
    void grantRequestedNextToAnotherHoldersGrant(int held, int wanted) {
        ByteString c = fx.client(Protocol.SMB, "gw");
        OpenResponse first = fx.openWithGrant(c, "h1", "f", 1, 0, held, "key-1", false);
        assertThat(first.getGrantedGrantBits()).isEqualTo(held);
        OpenResponse second = fx.openWithGrant(c, "h2", "f", 1, 0, wanted, "key-2", false);
        assertThat(second.getStatus()).isEqualTo(Status.OK);
        // a holder with WRITE is being broken: nothing is granted beside a break in progress;
        // otherwise both may cache reads (and handles) but neither may cache writes
        int expected = (held & 2) != 0 ? 0 : wanted & ~2;
        assertThat(second.getGrantedGrantBits()).isEqualTo(expected);
    }
}
