package io.dittofs.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.contracts.common.v1.Status;
import org.junit.jupiter.api.Test;

class FileHandlesTest {

    @Test
    void acceptsOneTo64Bytes() {
        assertThat(FileHandles.of(new byte[1]).getValue().size()).isEqualTo(1);
        assertThat(FileHandles.plausible(FileHandles.of(new byte[64]))).isTrue();
    }

    @Test
    void refusesEmptyOversizedAndNull() {
        assertThatThrownBy(() -> FileHandles.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileHandles.of(new byte[65])).hasMessageContaining("got 65");
        assertThatThrownBy(() -> FileHandles.of(null)).hasMessageContaining("null");
    }

    @Test
    void shareIdReadsTheHeaderOnly() {
        assertThat(FileHandles.shareId(FileHandles.of(new byte[] {1, 0, 0, 1, 2, 9, 9}))).isEqualTo(258);
        assertThat(FileHandles.shareId(FileHandles.of(new byte[] {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})))
                .isEqualTo(0xffffffffL);
        assertThat(FileHandles.shareId(FileHandles.of(new byte[] {2, 0, 0, 0, 1}))).isEqualTo(-1);
        assertThat(FileHandles.shareId(FileHandles.of(new byte[] {1, 0, 0}))).isEqualTo(-1);
    }

    @Test
    void statusExceptionNeedsAFailure() {
        assertThat(new StatusException(Status.NOENT, "x").status()).isEqualTo(Status.NOENT);
        assertThatThrownBy(() -> new StatusException(Status.OK, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
