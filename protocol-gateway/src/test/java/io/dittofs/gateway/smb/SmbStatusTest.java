package io.dittofs.gateway.smb;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.contracts.common.v1.Status;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.smb.wire.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmbStatusTest {

    @Test
    void everyNeutralFsStatusIsMapped() {
        assertThat(SmbStatus.mapsEveryFsStatus()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FsStatus.class)
    void onlyOkIsSuccess(FsStatus s) {
        assertThat(SmbStatus.of(s) == NtStatus.SUCCESS).isEqualTo(s.ok());
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, mode = EnumSource.Mode.EXCLUDE, names = "UNRECOGNIZED")
    void onlyLockOkIsSuccess(Status s) {
        assertThat(SmbStatus.ofLock(s) == NtStatus.SUCCESS).isEqualTo(s == Status.OK);
    }

    @Test
    void windowsLockSemantics() {
        assertThat(SmbStatus.ofLock(Status.DENIED)).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(SmbStatus.ofLock(Status.LOCKED)).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
        assertThat(SmbStatus.ofLock(Status.SHARE_DENIED)).isEqualTo(NtStatus.SHARING_VIOLATION);
        assertThat(SmbStatus.ofLock(Status.UNRECOGNIZED)).isEqualTo(NtStatus.INTERNAL_ERROR);
        assertThat(SmbStatus.of(FsStatus.NOENT)).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }
}
