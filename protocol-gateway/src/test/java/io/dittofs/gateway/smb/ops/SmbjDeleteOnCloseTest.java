package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.File;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.fs.model.SetAttrs;
import io.dittofs.gateway.identity.Principal;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delete-on-close of an open that was granted DELETE at CREATE runs at close even where the
 * caller's rights no longer allow the removal (Windows checks DELETE only at open) — but only on
 * the file that open names: a file put under the same name since is someone else's.
 */
class SmbjDeleteOnCloseTest {

    private SmbjSession smb;
    private FileSystem fs;
    private final Principal root = Principal.root();

    @BeforeEach
    void start() throws Exception {
        smb = SmbjSession.open();
        fs = smb.fixture.gateway.fs;
    }

    @AfterEach
    void stop() throws Exception {
        smb.close();
    }

    @Test
    void aFileThatReplacedTheOpenedNameIsNotRemovedWithRootRights() {
        Handle export = fs.root(root, "export").handle();
        Handle dir = fs.create(root, export, "doc", CreateSpec.directory(new SetAttrs(0777, 1000, 1000, null, null, null)))
                .handle();
        File opened = smb.share.openFile("doc\\x.txt", EnumSet.of(AccessMask.DELETE, AccessMask.GENERIC_WRITE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_CREATE,
                EnumSet.of(SMB2CreateOptions.FILE_DELETE_ON_CLOSE));
        // meanwhile (e.g. over NFS): the opened file is renamed away, root's file takes its name,
        // and the directory is made read-only, so alice's own removal is refused at close
        assertThat(fs.rename(root, dir, "x.txt", dir, "moved.txt").status().ok()).isTrue();
        Handle replacement = fs.create(root, dir, "x.txt",
                CreateSpec.regular(CreateMode.GUARDED, new SetAttrs(0644, 0, 0, null, null, null), new byte[0])).handle();
        assertThat(fs.setAttr(root, dir, new SetAttrs(0555, null, null, null, null, null), null).status().ok()).isTrue();
        try {
            opened.close();
        } catch (SMBApiException refused) {
            // the close may report that the delete failed; the file must stay either way
        }
        var found = fs.lookup(root, dir, "x.txt");
        assertThat(found.status().ok()).as("root's file under the opened name is kept").isTrue();
        assertThat(found.handle()).isEqualTo(replacement);
        assertThat(fs.lookup(root, dir, "moved.txt").status().ok()).isTrue();
    }
}
