package io.dittofs.metadata.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.common.v1.FileType;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips, and a seeded fuzz: the decoder never throws anything but IllegalArgumentException. */
class InodeCodecTest {

    static Inode random(Random r) {
        Inode.Edit e = new Inode.Edit();
        e.id = r.nextLong();
        e.share = r.nextInt();
        e.generation = r.nextInt();
        FileType[] types = {FileType.REGULAR, FileType.DIRECTORY, FileType.SYMLINK, FileType.FIFO, FileType.CHAR_DEVICE};
        e.type = types[r.nextInt(types.length)];
        e.mode = r.nextInt(07777);
        e.nlink = r.nextInt();
        e.uid = r.nextInt();
        e.gid = r.nextInt();
        e.size = r.nextLong();
        e.atime = r.nextLong();
        e.mtime = r.nextLong();
        e.ctime = r.nextLong();
        e.btime = r.nextLong();
        e.change = r.nextLong();
        e.payloadId = new byte[r.nextInt(17)];
        r.nextBytes(e.payloadId);
        e.verifier = new byte[r.nextInt(9)];
        r.nextBytes(e.verifier);
        e.rdevMajor = r.nextInt();
        e.rdevMinor = r.nextInt();
        StringBuilder t = new StringBuilder();
        for (int i = r.nextInt(40); i > 0; i--) {
            t.append((char) ('a' + r.nextInt(26))).append(r.nextBoolean() ? "€" : "/");
        }
        e.target = t.toString();
        e.parent = r.nextLong();
        e.nextCookie = r.nextLong();
        e.dosAttributes = r.nextInt();
        if (r.nextBoolean()) {
            var acl = io.dittofs.contracts.common.v1.Acl.newBuilder().setNullDacl(r.nextInt(4) == 0);
            for (int i = r.nextInt(4); i > 0; i--) {
                var ace = io.dittofs.contracts.common.v1.Ace.newBuilder().setTypeValue(r.nextInt(2))
                        .setFlags(r.nextInt(256)).setMask(r.nextInt());
                switch (r.nextInt(3)) {
                    case 0 -> ace.setUid(r.nextInt());
                    case 1 -> ace.setSpecial(io.dittofs.contracts.common.v1.Ace.SpecialWho.EVERYONE);
                    default -> ace.setSid("S-1-5-21-" + r.nextInt(1000));
                }
                acl.addAces(ace);
            }
            e.acl = acl.build();
        }
        return e.build();
    }

    @Test
    void roundTrips() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            Inode in = random(r);
            assertThat(InodeCodec.decode(InodeCodec.encode(in))).isEqualTo(in);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedInputOnlyEverFailsCleanly(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            byte[] b = InodeCodec.encode(random(r));
            switch (r.nextInt(3)) {
                case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                default -> {
                    b = new byte[r.nextInt(300)];
                    r.nextBytes(b);
                    if (b.length > 0) {
                        b[0] = 1;
                    }
                }
            }
            byte[] input = b;
            try {
                InodeCodec.decode(input);
            } catch (IllegalArgumentException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void version1WithoutAnAclStillDecodes() {
        Random r = new Random(3);
        for (int i = 0; i < 50; i++) {
            Inode.Edit e = random(r).edit();
            e.acl = null;
            Inode in = e.build();
            byte[] v2 = InodeCodec.encode(in);
            // version 1 is version 2 without the trailing ACL length (-1: none)
            byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 4);
            v1[0] = 1;
            assertThat(InodeCodec.decode(v1)).isEqualTo(in);
        }
    }

    @Test
    void anAclSurvivesAndAnEmptyOneIsNotNoAcl() {
        Inode.Edit e = random(new Random(5)).edit();
        e.acl = io.dittofs.contracts.common.v1.Acl.getDefaultInstance();
        Inode in = e.build();
        Inode back = InodeCodec.decode(InodeCodec.encode(in));
        assertThat(back.hasAcl()).isTrue();
        assertThat(back.acl().getAcesCount()).isZero();
    }

    @Test
    void lengthFieldsAreNotTrusted() {
        byte[] b = InodeCodec.encode(random(new Random(7)));
        // a target length field pointing far beyond the buffer
        b[indexOfTargetLength(b)] = 0x7f;
        assertThatThrownBy(() -> InodeCodec.decode(b)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InodeCodec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InodeCodec.decode(new byte[] {2})).isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOfTargetLength(byte[] b) {
        // layout: fixed part, then u16 payload length + payload, u16 verifier length + verifier, i32 target length
        int fixed = 1 + 8 + 4 * 7 + 8 * 7 + 4 + 4 + 8 + 8 + 4;
        int p = fixed;
        p += 2 + (((b[p] & 0xff) << 8) | (b[p + 1] & 0xff));
        p += 2 + (((b[p] & 0xff) << 8) | (b[p + 1] & 0xff));
        return p;
    }
}
