package io.dittofs.gateway.smb;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.locks.LockStatus;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.smb.wire.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmbStatusTest {

    @Test
    void everyNeutralStatusIsMapped() {
        assertThat(SmbStatus.mapsEveryStatus()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(FsStatus.class)
    void onlyOkIsSuccess(FsStatus s) {
        assertThat(SmbStatus.of(s) == NtStatus.SUCCESS).isEqualTo(s.ok());
    }

    @ParameterizedTest
    @EnumSource(LockStatus.class)
    void onlyLockOkIsSuccess(LockStatus s) {
        assertThat(SmbStatus.ofLock(s) == NtStatus.SUCCESS).isEqualTo(s.ok());
    }

    @Test
    void windowsLockSemantics() {
        assertThat(SmbStatus.ofLock(LockStatus.DENIED)).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(SmbStatus.ofLock(LockStatus.LOCKED)).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
        assertThat(SmbStatus.ofLock(LockStatus.SHARE_DENIED)).isEqualTo(NtStatus.SHARING_VIOLATION);
        assertThat(SmbStatus.ofLock(LockStatus.NOT_LOCKED)).isEqualTo(NtStatus.RANGE_NOT_LOCKED);
        assertThat(SmbStatus.of(FsStatus.NOENT)).isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }
}
