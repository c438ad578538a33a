package io.dittofs.control.shares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.control.api.ApiException;
import org.junit.jupiter.api.Test;

class ExportPathsTest {

    @Test
    void normalFormsAreKeptAndATrailingSlashIsDropped() {
        assertThat(ExportPaths.normalize("/export")).isEqualTo("/export");
        assertThat(ExportPaths.normalize("/export/")).isEqualTo("/export");
        assertThat(ExportPaths.normalize("/a/b.c/d-e_f")).isEqualTo("/a/b.c/d-e_f");
        assertThat(ExportPaths.normalize("/..x/x..")).as("dots inside a name are fine").isEqualTo("/..x/x..");
    }

    @Test
    void escapesAliasesAndMalformedPathsAreRefusedNamingTheField() {
        for (String bad : new String[] {"/../../etc", "/projects/../export", "/./export", "/export/.", "/a//b", "//",
                "/", "", "export", "relative/path", "/a b", "/ü", "/x\u0000y", "/" + "x".repeat(65),
                "/1/2/3/4/5/6/7/8/9"}) {
            assertThatThrownBy(() -> ExportPaths.normalize(bad)).as(bad).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.field()).isEqualTo("exportPath");
                assertThat(e.status().value()).isEqualTo(422);
            });
        }
        assertThatThrownBy(() -> ExportPaths.normalize("/projects/../export")).hasMessageContaining("'..' segment");
        assertThatThrownBy(() -> ExportPaths.normalize("export")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> ExportPaths.normalize(null)).hasMessageContaining("empty");
    }

    @Test
    void randomPathsEitherNormaliseToAValidFixedPointOrAreRefused() {
        java.util.Random r = new java.util.Random(14);
        String alphabet = "/./..ab-_ \u0000é";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(20); n > 0; n--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String p = sb.toString();
            try {
                String n = ExportPaths.normalize(p);
                assertThat(ExportPaths.normalize(n)).as(p).isEqualTo(n);
                assertThat(n).startsWith("/").doesNotContain("//").doesNotEndWith("/");
                assertThat(("/" + n.substring(1) + "/").contains("/../")).as(p).isFalse();
                assertThat(("/" + n.substring(1) + "/").contains("/./")).as(p).isFalse();
            } catch (ApiException refused) {
                assertThat(refused.field()).isEqualTo("exportPath");
            }
        }
    }
}
