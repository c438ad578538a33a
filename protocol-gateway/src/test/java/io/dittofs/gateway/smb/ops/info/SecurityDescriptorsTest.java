package io.dittofs.gateway.smb.ops.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.fs.model.Acl;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.FileType;
import io.dittofs.gateway.fs.model.Time;
import io.dittofs.gateway.smb.wire.WireException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NT security descriptor view of owner, group and the ACL (or mode bits), both ways. */
class SecurityDescriptorsTest {

    private static FileAttr attr(int mode) {
        return new FileAttr(FileType.REGULAR, mode, 1, 1000, 100, 0, 0, 0, 0, 1, 42, Time.ZERO, Time.ZERO, Time.ZERO,
                1, null);
    }

    private static FileAttr withAcl(Acl acl) {
        return new FileAttr(FileType.REGULAR, 0644, 1, 1000, 100, 0, 0, 0, 0, 1, 42, Time.ZERO, Time.ZERO, Time.ZERO,
                1, null, Time.ZERO, 0, true, acl);
    }

    @Test
    void theModeViewReadsBackAsOwnerGroupEveryoneAcesAndIds() throws WireException {
        byte[] sd = SecurityDescriptors.encode(attr(0640), 0x7);
        SecurityDescriptorSet back = SecurityDescriptorSet.decode(sd, 0x7);
        assertThat(back.uid()).isEqualTo(1000);
        assertThat(back.gid()).isEqualTo(100);
        assertThat(back.dacl().nullDacl()).isFalse();
        assertThat(back.dacl().aces()).extracting(Acl.Ace::who)
                .containsExactly(Acl.Who.UID, Acl.Who.GID, Acl.Who.EVERYONE);
        assertThat(back.dacl().aces().get(0).mask() & 0x3).isEqualTo(0x3); // owner reads and writes
        assertThat(back.dacl().aces().get(2).mask() & 0x1).isZero(); // others do not read
    }

    @Test
    void anAclRoundTripsWithDenyAcesInheritanceAndUnmappedSids() throws WireException {
        Acl acl = new Acl(List.of(
                new Acl.Ace(Acl.DENY, 0, 0x10000, Acl.Who.UID, 1000, null),
                new Acl.Ace(Acl.ALLOW, 0x1 | 0x2 | 0x80, 0x1F01FF, Acl.Who.UID, 1000, null),
                new Acl.Ace(Acl.ALLOW, 0x40, 0x120089, Acl.Who.GID, 100, null),
                new Acl.Ace(Acl.ALLOW, 0x8 | 0x1, 0x1F0000, Acl.Who.SID, 0, "S-1-5-11"),
                new Acl.Ace(Acl.ALLOW, 0, 0x120089, Acl.Who.OWNER, 0, null),
                new Acl.Ace(Acl.ALLOW, 0, 0x120089, Acl.Who.EVERYONE, 0, null)), false);
        byte[] sd = SecurityDescriptors.encode(withAcl(acl), 0x7);
        SecurityDescriptorSet back = SecurityDescriptorSet.decode(sd, 0x7);
        assertThat(back.dacl()).isEqualTo(acl);
        assertThat(back.daclPresent()).isTrue();
        // and the bytes are stable: what a client reads is what it set
        assertThat(SecurityDescriptors.encode(withAcl(back.dacl()), 0x7)).isEqualTo(sd);
    }

    @Test
    void aNullDaclIsKeptAndReadBackAsNull() throws WireException {
        // SE_DACL_PRESENT | SE_SELF_RELATIVE, no owner, no group, DACL offset 0
        byte[] nullDacl = {1, 0, 4, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        SecurityDescriptorSet set = SecurityDescriptorSet.decode(nullDacl, SecurityDescriptors.DACL);
        assertThat(set.dacl().nullDacl()).isTrue();
        assertThat(set.dacl().aces()).singleElement().satisfies(a -> {
            assertThat(a.who()).isEqualTo(Acl.Who.EVERYONE);
            assertThat(a.mask()).isEqualTo(Acl.FULL_ACCESS);
        });
        byte[] back = SecurityDescriptors.encode(withAcl(set.dacl()), SecurityDescriptors.DACL);
        assertThat(back).isEqualTo(nullDacl);
        // a DACL set without SE_DACL_PRESENT is a NULL DACL too (MS-DTYP 2.4.6)
        byte[] absent = {1, 0, 0, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        SecurityDescriptorSet none = SecurityDescriptorSet.decode(absent, SecurityDescriptors.DACL);
        assertThat(none.dacl().nullDacl()).isTrue();
        assertThat(none.daclPresent()).isFalse();
    }

    @Test
    void anEmptyDaclStaysEmpty() throws WireException {
        byte[] sd = SecurityDescriptors.encode(withAcl(new Acl(List.of(), false)), SecurityDescriptors.DACL);
        SecurityDescriptorSet back = SecurityDescriptorSet.decode(sd, SecurityDescriptors.DACL);
        assertThat(back.dacl().nullDacl()).isFalse();
        assertThat(back.dacl().aces()).isEmpty();
        assertThat(sd[2] & 0x4).isEqualTo(0x4); // present, with a DACL of no ACEs
        assertThat(sd.length).isEqualTo(20 + 8);
    }

    @Test
    void sidStringsRoundTrip() {
        for (String s : new String[] {"S-1-5-11", "S-1-5-32-545", "S-1-5-21-1-2-3-4294967295", "S-1-0"}) {
            assertThat(Sids.string(Sids.parse(s))).isEqualTo(s);
        }
        assertThat(Sids.parse("S-1-x")).isNull();
        assertThat(Sids.parse("X-1-5")).isNull();
    }

    @Test
    void ownerAndGroupAreUnixIdSids() {
        byte[] sd = SecurityDescriptors.encode(attr(0644), SecurityDescriptors.OWNER);
        // S-1-22-1-1000 right after the 20-byte header
        assertThat(sd[20]).isEqualTo((byte) 1);
        assertThat(sd[21]).isEqualTo((byte) 2);
        assertThat(sd[27]).isEqualTo((byte) 22);
        assertThat(sd[28]).isEqualTo((byte) 1);
        assertThat((sd[32] & 0xff) | (sd[33] & 0xff) << 8).isEqualTo(1000);
    }

    @Test
    void lyingOffsetsAreRefused() {
        byte[] sd = SecurityDescriptors.encode(attr(0644), 0x7);
        sd[16] = (byte) 0xF0; // DACL offset far outside
        assertThatThrownBy(() -> SecurityDescriptorSet.decode(sd, 0x7)).isInstanceOf(WireException.class);
        byte[] shortSd = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0};
        assertThatThrownBy(() -> SecurityDescriptorSet.decode(shortSd, 0x7)).isInstanceOf(WireException.class);
    }
}
