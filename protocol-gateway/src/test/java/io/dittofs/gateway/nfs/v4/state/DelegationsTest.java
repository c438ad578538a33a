package io.dittofs.gateway.nfs.v4.state;

import io.dittofs.gateway.fs.model.Handle;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DelegationsTest {

    final AtomicLong now = new AtomicLong(1_000);
    final Delegations delegations = new Delegations(now::get);
    final byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    final byte[] b = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13};
    final Handle file = Handle.of(new byte[]{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    @Test
    void aRecallPastItsDeadlineIsRevokedUntilFreed() {
        delegations.granted(a, 7, file, false);
        delegations.granted(b, 7, file, true);
        assertThat(delegations.recalling(a, 2_000)).isPresent();
        assertThat(delegations.recalling(a, 5_000)).as("a break sent again is not a second recall").isEmpty();
        now.set(1_999);
        assertThat(delegations.status(a)).isEqualTo(Delegations.Status.LIVE);
        assertThat(delegations.hasRevoked(7)).isFalse();
        now.set(2_000);
        assertThat(delegations.status(a)).isEqualTo(Delegations.Status.REVOKED);
        assertThat(delegations.status(b)).as("not recalled: stays").isEqualTo(Delegations.Status.LIVE);
        assertThat(delegations.hasRevoked(7)).isTrue();
        assertThat(delegations.anyOf(7)).isTrue();
        assertThat(delegations.remove(a)).isPresent();
        assertThat(delegations.status(a)).isEqualTo(Delegations.Status.UNKNOWN);
        assertThat(delegations.hasRevoked(7)).isFalse();
    }

    @Test
    void aFailedRecallRevokesAtOnceAndAReturnedDelegationIsGone() {
        delegations.granted(a, 7, file, false);
        delegations.granted(b, 8, file, false);
        assertThat(delegations.heldBy(7, file)).isPresent();
        assertThat(delegations.revoke(a)).isPresent();
        assertThat(delegations.status(a)).isEqualTo(Delegations.Status.REVOKED);
        assertThat(delegations.heldBy(7, file)).isEmpty();
        assertThat(delegations.remove(b)).isPresent();
        assertThat(delegations.any()).isFalse();
        assertThat(delegations.recalling(b, 9_000)).as("a break for a returned delegation recalls nothing").isEmpty();
        delegations.dropClient(7);
        assertThat(delegations.anyOf(7)).isFalse();
    }
}
