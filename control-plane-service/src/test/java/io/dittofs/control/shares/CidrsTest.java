package io.dittofs.control.shares;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CidrsTest {

    @Test
    void normalizesValidNetworks() {
        assertThat(Cidrs.normalize("10.0.0.0/8")).isEqualTo("10.0.0.0/8");
        assertThat(Cidrs.normalize(" 192.168.1.7 ")).isEqualTo("192.168.1.7/32");
        assertThat(Cidrs.normalize("fd00::/8")).isEqualTo("fd00:0:0:0:0:0:0:0/8");
        assertThat(Cidrs.normalize("::1")).isEqualTo("0:0:0:0:0:0:0:1/128");
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : new String[] {"", "10.0.0.0/33", "256.1.1.1", "10.0.0/8", "host.example.com", "10.0.0.0/-1",
                "10.0.0.0/8/8", "fd00::/129", "1.2.3.4/", "localhost", "::g", null}) {
            assertThat(Cidrs.normalize(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    /** Seeded random strings over the CIDR alphabet: a normalized CIDR or null, never an exception or a lookup. */
    @Test
    void randomInputNeverThrows() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdefABCDEF.:/ x-";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String out = Cidrs.normalize(sb.toString());
            if (out != null) {
                assertThat(out).matches("[0-9a-f.:]+/\\d{1,3}");
            }
        }
    }
}
