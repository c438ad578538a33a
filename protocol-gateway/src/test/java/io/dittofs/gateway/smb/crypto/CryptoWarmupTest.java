package io.dittofs.gateway.smb.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoWarmupTest {

    @Test
    void everyWarmupRoundTripVerifies() {
        assertThat(CryptoWarmup.run()).isZero();
    }

    @Test
    void theBackgroundThreadNeverHoldsTheJvmOpen() throws InterruptedException {
        Thread t = CryptoWarmup.startInBackground();
        assertThat(t.isDaemon()).isTrue();
        t.join();
    }
}
