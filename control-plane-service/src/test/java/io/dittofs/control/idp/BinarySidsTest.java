package io.dittofs.control.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinarySidsTest {

    static byte[] encode(int revision, long authority, long... subs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(revision);
        out.write(subs.length);
        for (int i = 5; i >= 0; i--) {
            out.write((int) (authority >>> (8 * i)) & 0xff);
        }
        for (long s : subs) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (s >>> (8 * i)) & 0xff);
            }
        }
        return out.toByteArray();
    }

    @Test
    void decodesADomainUserSid() {
        assertThat(BinarySids.decode(encode(1, 5, 21, 3623811015L, 3361044348L, 30300820L, 1013)))
                .isEqualTo("S-1-5-21-3623811015-3361044348-30300820-1013");
        assertThat(BinarySids.decode(encode(1, 1, 0))).isEqualTo("S-1-1-0");
    }

    @Test
    void refusesLengthsThatDisagreeWithTheCount() {
        byte[] sid = encode(1, 5, 21, 1, 2);
        byte[] truncated = java.util.Arrays.copyOf(sid, sid.length - 1);
        assertThatThrownBy(() -> BinarySids.decode(truncated)).isInstanceOf(DirectoryUnavailableException.class);
        sid[1] = (byte) 0xff;
        assertThatThrownBy(() -> BinarySids.decode(sid)).isInstanceOf(DirectoryUnavailableException.class);
        assertThatThrownBy(() -> BinarySids.decode(new byte[3])).isInstanceOf(DirectoryUnavailableException.class);
    }

    /** Seeded random input: a SID text or DirectoryUnavailableException, never anything else. */
    @Test
    void randomBytesNeverCrashTheDecoder() {
        Random random = new Random(20261123L);
        int decoded = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[random.nextInt(80)];
            random.nextBytes(b);
            if (b.length >= 2 && random.nextBoolean()) {
                b[1] = (byte) ((b.length - 8) / 4); // bias towards plausible counts so the happy path is fuzzed too
            }
            try {
                assertThat(BinarySids.decode(b)).startsWith("S-");
                decoded++;
            } catch (DirectoryUnavailableException expected) {
                // refused: fine
            }
        }
        assertThat(decoded).isPositive();
    }
}
