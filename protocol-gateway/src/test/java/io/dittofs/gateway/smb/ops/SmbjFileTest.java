package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;
import io.dittofs.gateway.locks.ClientRef;
import io.dittofs.gateway.locks.LockProtocol;
import io.dittofs.gateway.locks.LockSpec;
import io.dittofs.gateway.locks.LockTarget;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * smbj (SMB 3.1.1, signing required) against the file commands on the real services: write and
 * read back, share modes (SHARING_VIOLATION), and byte-range locks that conflict with an NLM
 * client's lock on the same file in the same lock-service.
 */
class SmbjFileTest {

    private SmbjSession smb;
    private SmbFileFixture fixture;
    private DiskShare share;

    @BeforeEach
    void start() throws Exception {
        smb = SmbjSession.open();
        fixture = smb.fixture;
        share = smb.share;
    }

    @AfterEach
    void stop() throws Exception {
        smb.close();
    }

    private File open(String name, Set<SMB2ShareAccess> sharing) {
        return share.openFile(name, EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), sharing, SMB2CreateDisposition.FILE_OPEN_IF, null);
    }

    @Test
    void writesReadBackAndListing() {
        byte[] data = "hello from smbj".getBytes(StandardCharsets.UTF_8);
        try (File f = open("smbj.txt", SMB2ShareAccess.ALL)) {
            f.write(data, 0);
            byte[] back = new byte[64];
            int n = f.read(back, 0);
            assertThat(n).isEqualTo(data.length);
            assertThat(new String(back, 0, n, StandardCharsets.UTF_8)).isEqualTo("hello from smbj");
        }
        assertThat(share.list("")).extracting(i -> i.getFileName()).contains("smbj.txt", ".", "..");
        assertThat(share.getFileInformation("smbj.txt").getStandardInformation().getEndOfFile()).isEqualTo(data.length);
    }

    @Test
    void anOpenThatSharesNothingKeepsOthersOut() {
        try (File first = open("exclusive.txt", EnumSet.noneOf(SMB2ShareAccess.class))) {
            assertThatThrownBy(() -> open("exclusive.txt", SMB2ShareAccess.ALL))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_SHARING_VIOLATION));
        }
        open("exclusive.txt", SMB2ShareAccess.ALL).close();
    }

    @Test
    void anNlmLockOnTheSameFileBlocksSmbLocksAndIo() {
        try (File f = open("shared-lock.txt", SMB2ShareAccess.ALL)) {
            f.write(new byte[100], 0);
            Handle root = fixture.gateway.fs.root(Principal.root(), "export").handle();
            Handle h = fixture.gateway.fs.lookup(Principal.root(), root, "shared-lock.txt").handle();
            ClientRef nlm = fixture.locks.registerClient(LockProtocol.NLM, "nfs-host".getBytes(), 0);
            LockTarget nfsLock = new LockTarget(h.bytes(), nlm, "svid-7".getBytes(), 10, 10);
            assertThat(fixture.locks.lock(new LockSpec(nfsLock, true, false, false, null)).status().ok()).isTrue();

            assertThatThrownBy(() -> f.requestLock().exclusiveLock(15, 1, true).send())
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_LOCK_NOT_GRANTED));
            assertThatThrownBy(() -> f.write(new byte[4], 12))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_FILE_LOCK_CONFLICT));
            f.requestLock().exclusiveLock(50, 10, true).send(); // outside the NFS range

            // and back: the SMB lock stands in the NLM client's way
            LockTarget overSmb = new LockTarget(h.bytes(), nlm, "svid-7".getBytes(), 55, 1);
            assertThat(fixture.locks.lock(new LockSpec(overSmb, false, false, false, null)).status().ok()).isFalse();

            assertThat(fixture.locks.unlock(nfsLock).ok()).isTrue();
            f.requestLock().exclusiveLock(15, 1, true).send();
            f.requestLock().unlock(15, 1).send();
        }
    }
}
