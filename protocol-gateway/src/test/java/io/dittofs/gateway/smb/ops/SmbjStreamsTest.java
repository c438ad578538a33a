package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileStandardInformation;
import com.hierynomus.msfscc.fileinformation.FileStreamInformation;
import com.hierynomus.msfscc.fileinformation.FileStreamInformationItem;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.dittofs.gateway.fs.model.FsStatus;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named streams over smbj (3.1.1, signed) on the real metadata-, block- and lock-services: a stream
 * is a {@code user.DosStream.NAME:$DATA} xattr of its file, read and written through its own
 * handle, listed by FileStreamInformation, with its own share modes.
 */
class SmbjStreamsTest {

    private static final Principal ALICE = new Principal(1000, 1000, List.of(), false, "127.0.0.1");

    private SmbjSession smb;
    private DiskShare share;

    @BeforeEach
    void start() throws Exception {
        smb = SmbjSession.open();
        share = smb.share;
    }

    @AfterEach
    void stop() throws Exception {
        smb.close();
    }

    private File open(String name, SMB2CreateDisposition disposition, Set<SMB2ShareAccess> sharing) {
        return share.openFile(name, EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE, AccessMask.DELETE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), sharing, disposition, null);
    }

    private Handle inNamespace(String name) {
        var fs = smb.fixture.gateway.fs;
        return fs.lookup(ALICE, fs.root(ALICE, "export").handle(), name).handle();
    }

    private static String read(File f) {
        byte[] buf = new byte[1024];
        int n = f.read(buf, 0);
        return new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8);
    }

    private static List<String> streams(File f) {
        return f.getFileInformation(FileStreamInformation.class).getStreamList().stream()
                .map(i -> i.getName() + "=" + i.getSize()).sorted().toList();
    }

    @Test
    void aStreamOfAMissingFileCreatesTheFileAndIsAnXattrOfIt() {
        try (File s = open("doc.txt:Zone.Identifier", SMB2CreateDisposition.FILE_CREATE, SMB2ShareAccess.ALL)) {
            s.write("[ZoneTransfer]".getBytes(StandardCharsets.UTF_8), 0);
            s.write("ZONE".getBytes(StandardCharsets.UTF_8), 1);
            assertThat(read(s)).isEqualTo("[ZONETransfer]");
            assertThat(s.getFileInformation(FileStandardInformation.class).getEndOfFile()).isEqualTo(14);
        }
        Handle h = inNamespace("doc.txt");
        assertThat(h).as("the base file was created").isNotNull();
        var fs = smb.fixture.gateway.fs;
        assertThat(fs.listXattrs(ALICE, h, 0, 0).names()).containsExactly("user.DosStream.Zone.Identifier:$DATA");
        assertThat(new String(fs.getXattr(ALICE, h, "user.DosStream.Zone.Identifier:$DATA").value(),
                StandardCharsets.UTF_8)).isEqualTo("[ZONETransfer]");
        assertThat(fs.getAttr(ALICE, h).attr().size()).as("the file's own data is untouched").isZero();
        try (File base = open("doc.txt", SMB2CreateDisposition.FILE_OPEN, SMB2ShareAccess.ALL)) {
            assertThat(streams(base)).containsExactly("::$DATA=0", ":Zone.Identifier:$DATA=14");
        }
        try (File again = open("DOC.TXT:zone.identifier:$data", SMB2CreateDisposition.FILE_OPEN, SMB2ShareAccess.ALL)) {
            assertThat(read(again)).as("stream names match case-insensitively").isEqualTo("[ZONETransfer]");
        }
    }

    @Test
    void openDispositionsApplyToTheStream() {
        open("f.txt", SMB2CreateDisposition.FILE_CREATE, SMB2ShareAccess.ALL).close();
        assertThatThrownBy(() -> open("f.txt:s", SMB2CreateDisposition.FILE_OPEN, SMB2ShareAccess.ALL))
                .isInstanceOfSatisfying(SMBApiException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND));
        try (File s = open("f.txt:s", SMB2CreateDisposition.FILE_OPEN_IF, SMB2ShareAccess.ALL)) {
            s.write("data".getBytes(StandardCharsets.UTF_8), 0);
        }
        assertThatThrownBy(() -> open("f.txt:s", SMB2CreateDisposition.FILE_CREATE, SMB2ShareAccess.ALL))
                .isInstanceOfSatisfying(SMBApiException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_OBJECT_NAME_COLLISION));
        try (File s = open("f.txt:s", SMB2CreateDisposition.FILE_OVERWRITE_IF, SMB2ShareAccess.ALL)) {
            assertThat(read(s)).as("overwriting the stream empties it").isEmpty();
            s.write("again".getBytes(StandardCharsets.UTF_8), 0);
        }
        try (File base = open("f.txt", SMB2CreateDisposition.FILE_OVERWRITE, SMB2ShareAccess.ALL)) {
            assertThat(streams(base)).as("overwriting the file drops its named streams").containsExactly("::$DATA=0");
        }
    }

    @Test
    void invalidStreamNamesAreRefused() {
        for (String bad : new String[] {"g.txt:s:$FOO", "g.txt:s:", "g.txt:", "g.txt:a/b"}) {
            assertThatThrownBy(() -> open(bad, SMB2CreateDisposition.FILE_OPEN_IF, SMB2ShareAccess.ALL)).as(bad)
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_OBJECT_NAME_INVALID));
        }
        assertThat(inNamespace("g.txt")).as("nothing was created").isNull();
    }

    @Test
    void eachStreamHasItsOwnShareModes() {
        try (File s1 = open("sh.txt:one", SMB2CreateDisposition.FILE_CREATE, Set.of());
                File s2 = open("sh.txt:two", SMB2CreateDisposition.FILE_CREATE, Set.of());
                File base = share.openFile("sh.txt", EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE),
                        null, Set.of(), SMB2CreateDisposition.FILE_OPEN, null)) {
            assertThat(s2).isNotNull();
            assertThat(base).isNotNull();
            // ... but a stream that does not share delete keeps the file from being opened for delete
            assertThatThrownBy(() -> share.openFile("sh.txt", EnumSet.of(AccessMask.DELETE), null, SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_OPEN, null))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_SHARING_VIOLATION));
            assertThatThrownBy(() -> open("sh.txt:one", SMB2CreateDisposition.FILE_OPEN, SMB2ShareAccess.ALL))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_SHARING_VIOLATION));
            assertThat(s1).isNotNull();
        }
    }

    @Test
    void deleteOnCloseOfAStreamRemovesOnlyTheStream() {
        open("d.txt:keep", SMB2CreateDisposition.FILE_CREATE, SMB2ShareAccess.ALL).close();
        share.openFile("d.txt:gone", EnumSet.of(AccessMask.GENERIC_WRITE, AccessMask.DELETE),
                EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL), SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_CREATE,
                EnumSet.of(SMB2CreateOptions.FILE_DELETE_ON_CLOSE)).close();
        assertThat(inNamespace("d.txt")).isNotNull();
        try (File base = open("d.txt", SMB2CreateDisposition.FILE_OPEN, SMB2ShareAccess.ALL)) {
            assertThat(streams(base)).containsExactly("::$DATA=0", ":keep:$DATA=0");
        }
    }

    @Test
    void aStreamCannotGrowPastTheXattrValueLimit() {
        try (File s = open("big.txt:s", SMB2CreateDisposition.FILE_CREATE, SMB2ShareAccess.ALL)) {
            s.write(new byte[Streams.MAX_SIZE], 0);
            assertThat(s.getFileInformation(FileStandardInformation.class).getEndOfFile()).isEqualTo(Streams.MAX_SIZE);
            assertThatThrownBy(() -> s.write(new byte[1], Streams.MAX_SIZE))
                    .isInstanceOfSatisfying(SMBApiException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_DISK_FULL));
        }
        var fs = smb.fixture.gateway.fs;
        assertThat(fs.getXattr(ALICE, inNamespace("big.txt"), "user.DosStream.s:$DATA").value()).hasSize(Streams.MAX_SIZE);
        assertThat(fs.getXattr(ALICE, inNamespace("big.txt"), "user.DosStream.t:$DATA").status()).isEqualTo(FsStatus.NOXATTR);
    }

    @Test
    void aDirectoryHasNamedStreamsButNoUnnamedOne() {
        share.mkdir("dir");
        try (File s = open("dir:meta", SMB2CreateDisposition.FILE_CREATE, SMB2ShareAccess.ALL)) {
            s.write("x".getBytes(StandardCharsets.UTF_8), 0);
        }
        try (var d = share.openDirectory("dir", EnumSet.of(AccessMask.GENERIC_READ), null, SMB2ShareAccess.ALL,
                SMB2CreateDisposition.FILE_OPEN, null)) {
            List<FileStreamInformationItem> items = d.getFileInformation(FileStreamInformation.class).getStreamList();
            assertThat(items).extracting(FileStreamInformationItem::getName).containsExactly(":meta:$DATA");
        }
        assertThatThrownBy(() -> open("dir::$DATA", SMB2CreateDisposition.FILE_OPEN, SMB2ShareAccess.ALL))
                .isInstanceOfSatisfying(SMBApiException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(NtStatus.STATUS_FILE_IS_A_DIRECTORY));
    }
}
