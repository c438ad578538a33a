package io.dittofs.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.Test;

class AttrCacheModeTest {

    @Test
    void autoCachesExactlyForSocketTargetsAndInlinesItsHits() {
        ManagedChannel local = ServiceChannels.open("in-process:attr-cache-mode");
        ManagedChannel unix = ServiceChannels.open("unix:/tmp/attrcache-mode.sock");
        ManagedChannel tcp = ServiceChannels.open("127.0.0.1:27499");
        try {
            assertThat(GatewayConfiguration.attrCache("auto", local)).isFalse();
            assertThat(GatewayConfiguration.attrCache("auto", unix)).isTrue();
            assertThat(GatewayConfiguration.attrCache(" AUTO ", tcp)).isTrue();
            assertThat(GatewayConfiguration.attrCache("off", unix)).isFalse();
            assertThat(GatewayConfiguration.attrCache("on", local)).isTrue();
            assertThatThrownBy(() -> GatewayConfiguration.attrCache("sometimes", unix))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dittofs.gateway.attr-cache");
            assertThat(GatewayConfiguration.inlineReads(true, unix, true)).isTrue();
            assertThat(GatewayConfiguration.inlineReads(true, unix, false)).isFalse();
            assertThat(GatewayConfiguration.inlineReads(false, unix, true)).isFalse();
        } finally {
            local.shutdownNow();
            unix.shutdownNow();
            tcp.shutdownNow();
        }
    }
}
