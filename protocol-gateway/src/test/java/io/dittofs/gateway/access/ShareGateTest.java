package io.dittofs.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.ShareIds;
import io.dittofs.gateway.share.ShareProtocol;
import io.dittofs.gateway.share.SharePermissions;
import io.dittofs.gateway.share.SharePermissions.Level;
import io.dittofs.gateway.share.Squash;
import io.dittofs.gateway.share.StaticShareRegistry;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The share gate's decisions, protocol-free: the order of the rules, reasons, squash and mayModify. */
class ShareGateTest {

    static final Principal ROOT = new Principal(0, 0, List.of(), false, "10.0.0.1");
    static final Principal READER = new Principal(1000, 100, List.of(7), false, "10.0.0.1");

    final StaticShareRegistry registry = new StaticShareRegistry(List.of(
            new Share("open", "/open", false, Squash.ROOT, 99, 98, List.of()),
            new Share("ro", "/ro", true, Squash.NONE, 99, 98, List.of(Network.parse("10.0.0.0/8"))),
            new Share("graded", "/graded", false, Squash.NONE, 99, 98, List.of(),
                    new SharePermissions(Level.NONE, Map.of(0, Level.READ_WRITE), Map.of(7, Level.READ)))));
    final ShareGate gate = new ShareGate(new ShareIds(registry, name -> switch (name) {
        case "open" -> 1;
        case "ro" -> 2;
        case "graded" -> 3;
        default -> -1;
    }), ShareProtocol.NFS);

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void aShareNotServedOverTheGatesProtocolIsUnknownThere() throws Exception {
        Share smbOnly = new Share("win", "/win", false, Squash.NONE, 99, 98, List.of(), SharePermissions.EVERYONE,
                java.util.Set.of(ShareProtocol.SMB));
        ShareIds ids = new ShareIds(new StaticShareRegistry(List.of(smbOnly)), name -> 9);
        assertThat(new ShareGate(ids, ShareProtocol.NFS).check(smbOnly, ip("10.0.0.1"), ROOT, Intent.CONNECT))
                .isEqualTo(new Decision.Denied(Denial.UNKNOWN_SHARE));
        assertThat(new ShareGate(ids, ShareProtocol.NFS).check(9, ip("10.0.0.1"), ROOT, Intent.READ))
                .as("a handle of the share presented over NFS").isEqualTo(new Decision.Denied(Denial.UNKNOWN_SHARE));
        assertThat(new ShareGate(ids, ShareProtocol.SMB).check(smbOnly, ip("10.0.0.1"), ROOT, Intent.CONNECT))
                .isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void unknownSharesAndNetworks() throws Exception {
        assertThat(gate.check(42, ip("10.0.0.1"), ROOT, Intent.READ)).isEqualTo(new Decision.Denied(Denial.UNKNOWN_SHARE));
        assertThat(gate.check(null, ip("10.0.0.1"), ROOT, Intent.CONNECT)).isEqualTo(new Decision.Denied(Denial.UNKNOWN_SHARE));
        assertThat(gate.check(2, ip("192.168.0.1"), ROOT, Intent.READ)).isEqualTo(new Decision.Denied(Denial.NETWORK_DENIED));
    }

    @Test
    void readOnlyRefusesModifyingButConnectsAndReads() throws Exception {
        assertThat(gate.check(2, ip("10.0.0.1"), ROOT, Intent.MODIFY)).isEqualTo(new Decision.Denied(Denial.READ_ONLY));
        assertThat(gate.check(2, ip("10.0.0.1"), ROOT, Intent.CONNECT)).isInstanceOf(Decision.Allowed.class);
        var read = (Decision.Allowed) gate.check(2, ip("10.0.0.1"), ROOT, Intent.READ);
        assertThat(read.mayModify()).isFalse();
    }

    @Test
    void permissionLevelsJudgeTheAssertedIdentity() throws Exception {
        var reader = gate.check(3, ip("10.0.0.1"), READER, Intent.READ);
        assertThat(reader).isInstanceOfSatisfying(Decision.Allowed.class, a -> assertThat(a.mayModify()).isFalse());
        assertThat(gate.check(3, ip("10.0.0.1"), READER, Intent.MODIFY)).isEqualTo(new Decision.Denied(Denial.NO_PERMISSION));
        var stranger = new Principal(5, 5, List.of(), false, "10.0.0.1");
        assertThat(gate.check(3, ip("10.0.0.1"), stranger, Intent.CONNECT)).isEqualTo(new Decision.Denied(Denial.NO_PERMISSION));
        assertThat(gate.check(3, ip("10.0.0.1"), ROOT, Intent.MODIFY)).isInstanceOfSatisfying(Decision.Allowed.class,
                a -> assertThat(a.mayModify()).isTrue());
    }

    @Test
    void squashGivesTheEffectivePrincipal() throws Exception {
        var root = (Decision.Allowed) gate.check(1, ip("10.0.0.1"), ROOT, Intent.MODIFY);
        assertThat(root.share()).isEqualTo("open");
        assertThat(root.principal()).isEqualTo(new Principal(99, 98, List.of(), true, "10.0.0.1"));
        var user = (Decision.Allowed) gate.check(1, ip("10.0.0.1"), READER, Intent.MODIFY);
        assertThat(user.principal()).isEqualTo(READER);
    }

    @Test
    void clientGroupsListTheNetworks() {
        assertThat(gate.clientGroups(registry.byName("ro").orElseThrow())).containsExactly("10.0.0.0/8");
        assertThat(gate.clientGroups(registry.byName("open").orElseThrow())).isEmpty();
    }
}
