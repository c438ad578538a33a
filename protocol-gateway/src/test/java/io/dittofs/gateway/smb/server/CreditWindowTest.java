package io.dittofs.gateway.smb.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message-id window: spend once, in any order, inside the grant; multi-credit charges; the cap. */
class CreditWindowTest {

    @Test
    void idsAreSpentOnceInsideTheGrant() {
        CreditWindow w = new CreditWindow(8192);
        assertThat(w.spend(1, 1)).as("only id 0 is granted at first").isFalse();
        assertThat(w.spend(0, 1)).isTrue();
        assertThat(w.spend(0, 1)).as("replayed id").isFalse();
        assertThat(w.grant(10)).isEqualTo(10);
        assertThat(w.spend(5, 1)).as("out of order is fine").isTrue();
        assertThat(w.spend(5, 1)).isFalse();
        assertThat(w.spend(1, 4)).isTrue();
        assertThat(w.spend(6, 5)).isTrue();
        assertThat(w.spend(11, 1)).as("beyond the grant").isFalse();
        assertThat(w.outstanding()).isZero();
    }

    @Test
    void aMultiCreditRequestNeedsItsWholeRange() {
        CreditWindow w = new CreditWindow(8192);
        w.spend(0, 1);
        w.grant(4);
        assertThat(w.spend(1, 8)).isFalse();
        assertThat(w.spend(1, 4)).isTrue();
        assertThat(w.spend(Long.MAX_VALUE - 1, 4)).isFalse();
    }

    @Test
    void grantsStopAtTheCapButNeverStarveTheClient() {
        CreditWindow w = new CreditWindow(16);
        w.spend(0, 1);
        assertThat(w.grant(65535)).isEqualTo(16);
        assertThat(w.grant(100)).isZero();
        for (int i = 1; i <= 16; i++) {
            assertThat(w.spend(i, 1)).isTrue();
        }
        assertThat(w.grant(0)).as("a request for 0 still gets one").isEqualTo(1);
    }

    @Test
    void afterTheSmb1UpgradeTheClientContinuesAtOne() {
        CreditWindow w = new CreditWindow(8192);
        w.afterSmb1Upgrade();
        w.grant(1);
        assertThat(w.spend(0, 1)).isFalse();
        assertThat(w.spend(1, 1)).isTrue();
    }
}
