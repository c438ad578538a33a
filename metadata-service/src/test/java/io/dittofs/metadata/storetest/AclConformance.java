package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ALICE;
import static io.dittofs.metadata.storetest.Ids.BOB;
import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.Ace;
import io.dittofs.contracts.common.v1.Acl;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.AccessBits;
import io.dittofs.contracts.metadata.v1.AccessRequest;
import io.dittofs.contracts.metadata.v1.GetAttrRequest;
import io.dittofs.contracts.metadata.v1.RemoveKind;
import io.dittofs.contracts.metadata.v1.SetAttrs;
import org.junit.jupiter.api.Test;

/** Explicit ACLs: stored and read back, the mode follows them, they decide access and deletion, inheritance. */
public abstract class AclConformance extends AttrConformance {

    private static final int READ = 0x1;
    private static final int WRITE = 0x2;
    private static final int EXECUTE = 0x20;
    private static final int DELETE_CHILD = 0x40;
    private static final int DELETE = 0x10000;

    private static Ace allowUid(int uid, int mask, int flags) {
        return Ace.newBuilder().setType(Ace.Type.ALLOW).setMask(mask).setFlags(flags).setUid(uid).build();
    }

    private static Ace special(Ace.Type type, Ace.SpecialWho who, int mask) {
        return Ace.newBuilder().setType(type).setMask(mask).setSpecial(who).build();
    }

    private Acl aclOf(FileHandle h) {
        return fs.stub.getAttr(GetAttrRequest.newBuilder().setIdentity(ROOT).setHandle(h).setWithAcl(true).build())
                .getAttr().getAcl();
    }

    private int granted(Identity who, FileHandle h, int bits) {
        return fs.stub.access(AccessRequest.newBuilder().setIdentity(who).setHandle(h).setRequested(bits).build())
                .getGranted();
    }

    private static SetAttrs setAcl(Acl acl) {
        return SetAttrs.newBuilder().setAcl(acl).setSetAcl(true).build();
    }

    @Test
    void anAclIsStoredReadBackAndTheModeFollowsIt() {
        FileHandle f = fs.mustFile(ALICE, openDir("acl", 0777), "f");
        Acl acl = Acl.newBuilder()
                .addAces(allowUid(1000, READ | WRITE | 0x1F0000, 0))
                .addAces(special(Ace.Type.DENY, Ace.SpecialWho.GROUP, WRITE))
                .addAces(Ace.newBuilder().setType(Ace.Type.ALLOW).setMask(READ).setSid("S-1-5-11"))
                .addAces(special(Ace.Type.ALLOW, Ace.SpecialWho.EVERYONE, READ)).build();
        assertThat(fs.setattr(BOB, f, setAcl(acl)).getStatus()).as("only the owner sets the ACL").isEqualTo(Status.PERM);
        var r = fs.setattr(ALICE, f, setAcl(acl));
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.getWcc().getAfter().getHasAcl()).isTrue();
        assertThat(r.getWcc().getAfter().getMode() & 0777).isEqualTo(0644);
        assertThat(aclOf(f)).isEqualTo(acl);
        assertThat(fs.getattr(ROOT, f).getAttr().hasAcl()).as("only when asked").isFalse();
        // a chmod replaces the ACL by the mode's view
        var chmod = fs.setattr(ALICE, f, SetAttrs.newBuilder().setMode(0600).build());
        assertThat(chmod.getWcc().getAfter().getHasAcl()).isFalse();
        assertThat(chmod.getWcc().getAfter().getMode() & 0777).isEqualTo(0600);
    }

    @Test
    void anEmptyAclDeniesEvenTheOwnerAndANullDaclGrantsEveryone() {
        FileHandle f = fs.mustFile(ALICE, openDir("acl", 0777), "f");
        var empty = fs.setattr(ALICE, f, setAcl(Acl.getDefaultInstance()));
        assertThat(empty.getWcc().getAfter().getMode() & 0777).isZero();
        assertThat(granted(ALICE, f, AccessBits.ACCESS_READ_VALUE | AccessBits.ACCESS_MODIFY_VALUE)).isZero();
        assertThat(aclOf(f).getAcesCount()).isZero();
        Acl nullDacl = Acl.newBuilder().setNullDacl(true)
                .addAces(special(Ace.Type.ALLOW, Ace.SpecialWho.EVERYONE, 0x1F01FF)).build();
        var open = fs.setattr(ALICE, f, setAcl(nullDacl));
        assertThat(open.getWcc().getAfter().getMode() & 0777).isEqualTo(0777);
        assertThat(granted(BOB, f, AccessBits.ACCESS_MODIFY_VALUE)).isEqualTo(AccessBits.ACCESS_MODIFY_VALUE);
        assertThat(aclOf(f)).isEqualTo(nullDacl);
    }

    @Test
    void aNamedUserAceGrantsWhatTheModeDoesNot() {
        FileHandle f = fs.mustFile(ALICE, openDir("acl", 0777), "f");
        fs.setattr(ALICE, f, setAcl(Acl.newBuilder().addAces(allowUid(1000, READ | WRITE, 0))
                .addAces(allowUid(1001, READ, 0)).build()));
        assertThat(fs.attr(f).getMode() & 0777).isEqualTo(0600);
        assertThat(granted(BOB, f, AccessBits.ACCESS_READ_VALUE)).isEqualTo(AccessBits.ACCESS_READ_VALUE);
        assertThat(granted(BOB, f, AccessBits.ACCESS_MODIFY_VALUE)).isZero();
    }

    @Test
    void deletionNeedsDeleteChildOnTheDirectoryOrDeleteOnTheFile() {
        FileHandle d = openDir("acl", 0777);
        // alice may do everything in the directory but delete, and her files inherit that
        int most = READ | WRITE | 0x4 | EXECUTE | 0x80 | 0x100 | 0x1E0000;
        assertThat(fs.setattr(ROOT, d, setAcl(Acl.newBuilder().addAces(allowUid(1000, most, 0x1)).build())).getStatus())
                .isEqualTo(Status.OK);
        FileHandle f = fs.mustFile(ALICE, d, "f");
        Acl inherited = aclOf(f);
        assertThat(inherited.getAcesList()).singleElement().satisfies(a -> {
            assertThat(a.getUid()).isEqualTo(1000);
            assertThat(a.getFlags()).as("inherited, no longer inheritable").isEqualTo(0x80);
        });
        assertThat(fs.remove(ALICE, d, "f", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.ACCESS);
        assertThat(granted(ALICE, f, AccessBits.ACCESS_DELETE_VALUE)).isZero();
        // DELETE on the file itself is enough
        fs.setattr(ALICE, f, setAcl(Acl.newBuilder().addAces(allowUid(1000, most | DELETE, 0)).build()));
        assertThat(granted(ALICE, f, AccessBits.ACCESS_DELETE_VALUE)).isEqualTo(AccessBits.ACCESS_DELETE_VALUE);
        assertThat(fs.remove(ALICE, d, "f", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        // and so is DELETE_CHILD on the directory
        fs.setattr(ROOT, d, setAcl(Acl.newBuilder().addAces(allowUid(1000, most | DELETE_CHILD, 0)).build()));
        fs.mustFile(ALICE, d, "g");
        assertThat(granted(ALICE, d, AccessBits.ACCESS_DELETE_VALUE)).isEqualTo(AccessBits.ACCESS_DELETE_VALUE);
        assertThat(fs.remove(ALICE, d, "g", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.OK);
        // without ACLs the mode decides as before: write and search on the directory
        FileHandle plain = openDir("plain", 0755);
        fs.mustFile(ROOT, plain, "h");
        assertThat(fs.remove(ALICE, plain, "h", RemoveKind.REMOVE_ANY).getStatus()).isEqualTo(Status.ACCESS);
    }

    @Test
    void aDenyBeforeAnAllowWins() {
        FileHandle f = fs.mustFile(ALICE, openDir("acl", 0777), "f");
        fs.setattr(ALICE, f, setAcl(Acl.newBuilder()
                .addAces(special(Ace.Type.DENY, Ace.SpecialWho.OWNER, WRITE))
                .addAces(special(Ace.Type.ALLOW, Ace.SpecialWho.EVERYONE, READ | WRITE)).build()));
        assertThat(fs.attr(f).getMode() & 0777).isEqualTo(0466);
        assertThat(granted(ALICE, f, AccessBits.ACCESS_MODIFY_VALUE)).isZero();
        assertThat(granted(BOB, f, AccessBits.ACCESS_MODIFY_VALUE)).isEqualTo(AccessBits.ACCESS_MODIFY_VALUE);
    }
}
