package io.dittofs.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.rpc.CallContext;
import io.dittofs.gateway.rpc.Outcome;
import io.dittofs.gateway.rpc.RpcCall;
import io.dittofs.gateway.rpc.RpcProgram;
import io.dittofs.gateway.rpc.XdrWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dittofs.nfs.min-version / max-version: bound, validated, and deciding which NFS programs may register. */
class NfsVersionRangeTest {

    record Program(int program, int lowVersion, int highVersion) implements RpcProgram {
        @Override
        public boolean nonIdempotent(int version, int procedure) {
            return false;
        }

        @Override
        public Outcome call(CallContext ctx, RpcCall call, XdrWriter out) {
            return Outcome.SUCCESS;
        }
    }

    static final RpcProgram NFS3 = new Program(100003, 3, 3);
    static final RpcProgram NFS4 = new Program(100003, 4, 4);
    static final RpcProgram MOUNT = new Program(100005, 3, 3);

    @Test
    void theDefaultServesNfs3ThroughNfs42() {
        NfsVersionRange r = NfsPropertiesTest.bind(Map.of()).versions();
        assertThat(r.serves3()).isTrue();
        assertThat(r.serves4()).isTrue();
        assertThat(r.minMinor()).isZero();
        assertThat(r.maxMinor()).isEqualTo(2);
        assertThat(r.admits(NFS3)).isTrue();
        assertThat(r.admits(NFS4)).isTrue();
    }

    @Test
    void aRangeOfOnlyNfs41LeavesNfs3AndMinorVersionZeroOut() {
        NfsVersionRange r = NfsPropertiesTest.bind(Map.of("dittofs.nfs.min-version", "4.1",
                "dittofs.nfs.max-version", "4.1")).versions();
        assertThat(r.admits(NFS3)).isFalse();
        assertThat(r.admits(NFS4)).isTrue();
        assertThat(r.admits(MOUNT)).as("other programs are not this range's business").isTrue();
        assertThat(r.minMinor()).isEqualTo(1);
        assertThat(r.maxMinor()).isEqualTo(1);
    }

    @Test
    void nfs3AloneRegistersNoVersion4() {
        NfsVersionRange r = NfsPropertiesTest.bind(Map.of("dittofs.nfs.max-version", "3")).versions();
        assertThat(r.serves4()).isFalse();
        assertThat(r.admits(NFS4)).isFalse();
        assertThat(r.admits(NFS3)).isTrue();
        assertThat(NfsPropertiesTest.bind(Map.of("dittofs.nfs.max-version", "4")).versions().maxMinor()).isZero();
    }

    @Test
    void unknownVersionsAndAnInvertedRangeAreRefusedNamingTheProperties() {
        assertThatThrownBy(() -> NfsPropertiesTest.bind(Map.of("dittofs.nfs.max-version", "4.3")))
                .hasStackTraceContaining("maxVersion").hasStackTraceContaining("must be 3, 4.0, 4.1 or 4.2");
        assertThatThrownBy(() -> NfsPropertiesTest.bind(Map.of("dittofs.nfs.min-version", "4.1",
                "dittofs.nfs.max-version", "4.0")))
                .hasStackTraceContaining("dittofs.nfs.min-version=4.1 must not be above dittofs.nfs.max-version=4.0");
    }

    @Test
    void theNfs4LeaseIsNinetySecondsUnlessConfiguredWithinFiveSecondsToAnHour() {
        assertThat(NfsPropertiesTest.bind(Map.of()).leaseTime()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(NfsPropertiesTest.bind(Map.of("dittofs.nfs.lease-time", "30s")).leaseTime())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> NfsPropertiesTest.bind(Map.of("dittofs.nfs.lease-time", "1s")))
                .hasStackTraceContaining("leaseTime").hasStackTraceContaining("5s..1h");
    }
}
