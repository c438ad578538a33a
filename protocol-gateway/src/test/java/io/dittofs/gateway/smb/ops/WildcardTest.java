package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MS-FSA 2.1.4.4 wildcards, including the DOS forms Windows sends for "*.*" and "?". */
class WildcardTest {

    @Test
    void starAndQuestionMark() {
        assertThat(Wildcard.of("*").matches("anything.txt")).isTrue();
        assertThat(Wildcard.of("*.txt").matches("a.TXT")).isTrue();
        assertThat(Wildcard.of("*.txt").matches("a.txt.bak")).isFalse();
        assertThat(Wildcard.of("a?c").matches("abc")).isTrue();
        assertThat(Wildcard.of("a?c").matches("ac")).isFalse();
        assertThat(Wildcard.of("").matches("x")).isTrue();
        assertThat(Wildcard.of("Exact.Name").matches("exact.name")).isTrue();
        assertThat(Wildcard.of("Exact.Name").literal()).isTrue();
    }

    @Test
    void dosStarStopsAtTheLastDot() {
        assertThat(Wildcard.of("<.txt").matches("a.b.txt")).isTrue();
        assertThat(Wildcard.of("<").matches("a.b")).isFalse();
        assertThat(Wildcard.of("<").matches("ab")).isTrue();
        assertThat(Wildcard.of("<.b").matches("a.b")).isTrue();
    }

    @Test
    void dosQuestionMarkAndDot() {
        // "????????.???" as DOS sends it: >>>>>>>>">>> matches short names and names without extension
        String dos = ">>>>>>>>\">>>";
        assertThat(Wildcard.of(dos).matches("abc.txt")).isTrue();
        assertThat(Wildcard.of(dos).matches("abc")).isTrue();
        assertThat(Wildcard.of(dos).matches("abcdefghi.txt")).isFalse();
        assertThat(Wildcard.of("a\"").matches("a")).isTrue();
        assertThat(Wildcard.of("a\"").matches("a.")).isTrue();
    }
}
