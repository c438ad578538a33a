package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msdtyp.FileTime;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileBasicInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.identity.Principal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DOS attributes and the creation time an SMB client sets are kept by the namespace, not by the
 * gateway: what smbj sets reads back, and the metadata-service holds it (so a restarted or another
 * gateway shows the same).
 */
class SmbjAttributesTest {

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

    private FileAttr inNamespace(String name) {
        Principal alice = new Principal(1000, 1000, List.of(), false, "127.0.0.1");
        var root = fixture.gateway.fs.root(alice, "export");
        return fixture.gateway.fs.lookup(alice, root.handle(), name).attr();
    }

    @Test
    void hiddenAndCreationTimeAreStoredInTheNamespace() {
        long created = 1_500_000_000_000L;
        try (File f = share.openFile("kept.txt", EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_CREATE,
                null)) {
            assertThat(f.getFileInformation(FileBasicInformation.class).getFileAttributes()
                    & FileAttributes.FILE_ATTRIBUTE_ARCHIVE.getValue()).as("a new file is ARCHIVE").isNotZero();
            FileBasicInformation now = f.getFileInformation(FileBasicInformation.class);
            f.setFileInformation(new FileBasicInformation(FileTime.ofEpochMillis(created), now.getLastAccessTime(),
                    now.getLastWriteTime(), now.getChangeTime(),
                    FileAttributes.FILE_ATTRIBUTE_HIDDEN.getValue() | FileAttributes.FILE_ATTRIBUTE_SYSTEM.getValue()));
            FileBasicInformation back = f.getFileInformation(FileBasicInformation.class);
            assertThat(back.getCreationTime().toEpochMillis()).isEqualTo(created);
            assertThat(back.getFileAttributes() & (FileAttributes.FILE_ATTRIBUTE_HIDDEN.getValue()
                    | FileAttributes.FILE_ATTRIBUTE_SYSTEM.getValue() | FileAttributes.FILE_ATTRIBUTE_ARCHIVE.getValue()))
                    .isEqualTo(FileAttributes.FILE_ATTRIBUTE_HIDDEN.getValue() | FileAttributes.FILE_ATTRIBUTE_SYSTEM.getValue());
        }
        FileAttr a = inNamespace("kept.txt");
        assertThat(a.dosAttributes() & ExtraAttributes.KEPT).isEqualTo(0x6); // HIDDEN | SYSTEM
        assertThat(a.btime().seconds() * 1000 + a.btime().nanos() / 1_000_000).isEqualTo(created);
    }

    @Test
    void aHiddenFileCreatedHiddenStaysHiddenWithoutAnotherCall() {
        share.openFile("h.txt", EnumSet.of(AccessMask.GENERIC_WRITE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_HIDDEN), SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_CREATE,
                null).close();
        assertThat(inNamespace("h.txt").dosAttributes() & ExtraAttributes.KEPT)
                .isEqualTo(FileAttributes.FILE_ATTRIBUTE_HIDDEN.getValue() | FileAttributes.FILE_ATTRIBUTE_ARCHIVE.getValue());
    }
}
