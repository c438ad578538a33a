package io.dittofs.gateway.smb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.FileNotifyAction;
import com.hierynomus.msfscc.directory.FileNotifyInformation;
import com.hierynomus.mssmb2.SMB2CompletionFilter;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.mssmb2.messages.SMB2ChangeNotifyResponse;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskShare;
import io.dittofs.gateway.fs.model.CreateMode;
import io.dittofs.gateway.fs.model.CreateSpec;
import io.dittofs.gateway.fs.model.Handle;
import io.dittofs.gateway.identity.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CHANGE_NOTIFY with smbj (SMB 3.1.1, signing required) on the real services: a watch completes
 * (async, signed final response) on a change made by another SMB connection and on one made
 * through the facade directly, as NFS makes it; a tree watch names a change below by relative
 * path; closing the directory ends the watch with NOTIFY_CLEANUP.
 */
class SmbjNotifyTest {

    private SmbFileFixture fixture;
    private SMBClient client;
    private Connection watcher;
    private Connection other;
    private DiskShare share;
    private DiskShare otherShare;

    @BeforeEach
    void start() throws Exception {
        fixture = new SmbFileFixture(true);
        client = new SMBClient(SmbConfig.builder().withSigningRequired(true).build());
        watcher = client.connect("127.0.0.1", fixture.port());
        share = connect(watcher);
        other = new SMBClient(SmbConfig.builder().withSigningRequired(true).build()).connect("127.0.0.1", fixture.port());
        otherShare = connect(other);
    }

    private static DiskShare connect(Connection c) {
        Session session = c.authenticate(new AuthenticationContext(SmbFileFixture.USER,
                SmbFileFixture.PASSWORD.toCharArray(), "WORKGROUP"));
        return (DiskShare) session.connectShare("export");
    }

    @AfterEach
    void stop() throws Exception {
        other.close();
        watcher.close();
        client.close();
        fixture.close();
    }

    private Directory openDir(DiskShare s, String path) {
        return s.openDirectory(path, EnumSet.of(AccessMask.GENERIC_READ), EnumSet.of(FileAttributes.FILE_ATTRIBUTE_DIRECTORY),
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN_IF, null);
    }

    private static List<String> changes(Future<SMB2ChangeNotifyResponse> f) throws Exception {
        SMB2ChangeNotifyResponse r = f.get(10, TimeUnit.SECONDS);
        assertThat(r.getHeader().getStatusCode()).isEqualTo(NtStatus.STATUS_SUCCESS.getValue());
        return r.getFileNotifyInfoList().stream().map(SmbjNotifyTest::text).toList();
    }

    private static String text(FileNotifyInformation i) {
        return i.getAction() + " " + i.getFileName();
    }

    @Test
    void aChangeByAnotherConnectionCompletesTheWatch() throws Exception {
        try (Directory dir = openDir(share, "watched")) {
            Future<SMB2ChangeNotifyResponse> f = dir.watchAsync(EnumSet.of(SMB2CompletionFilter.FILE_NOTIFY_CHANGE_FILE_NAME),
                    false);
            assertWaits(f);
            otherShare.openFile("watched\\new.txt", EnumSet.of(AccessMask.GENERIC_WRITE), null, SMB2ShareAccess.ALL,
                    SMB2CreateDisposition.FILE_CREATE, null).close();
            assertThat(changes(f)).containsExactly(FileNotifyAction.FILE_ACTION_ADDED + " new.txt");

            otherShare.rm("watched\\new.txt");
            assertThat(changes(dir.watchAsync(EnumSet.of(SMB2CompletionFilter.FILE_NOTIFY_CHANGE_FILE_NAME), false)))
                    .as("collected while no request waited")
                    .containsExactly(FileNotifyAction.FILE_ACTION_REMOVED + " new.txt");
        }
    }

    @Test
    void aTreeWatchSeesAChangeMadeThroughTheFacadeAsNfsMakesIt() throws Exception {
        openDir(share, "top").close();
        openDir(share, "top\\below").close();
        try (Directory dir = openDir(share, "top")) {
            Future<SMB2ChangeNotifyResponse> f = dir.watchAsync(EnumSet.of(SMB2CompletionFilter.FILE_NOTIFY_CHANGE_FILE_NAME),
                    true);
            assertWaits(f);
            var fs = fixture.service.fs; // the facade NFS calls too
            Handle root = fs.root(Principal.root(), "export").handle();
            Handle top = fs.lookup(Principal.root(), root, "top").handle();
            Handle below = fs.lookup(Principal.root(), top, "below").handle();
            assertThat(fs.create(Principal.root(), below, "from-nfs.txt",
                    CreateSpec.regular(CreateMode.GUARDED, new io.dittofs.gateway.fs.model.SetAttrs(0644, null, null, null, null, null), new byte[0])).status().ok()).isTrue();
            assertThat(changes(f)).containsExactly(FileNotifyAction.FILE_ACTION_ADDED + " below\\from-nfs.txt");
        }
    }

    @Test
    void closingTheDirectoryEndsTheWatchWithNotifyCleanup() throws Exception {
        Directory dir = openDir(share, "closing");
        Future<SMB2ChangeNotifyResponse> f = dir.watchAsync(EnumSet.of(SMB2CompletionFilter.FILE_NOTIFY_CHANGE_FILE_NAME),
                false);
        assertWaits(f);
        dir.close();
        SMB2ChangeNotifyResponse r = f.get(10, TimeUnit.SECONDS);
        assertThat(r.getHeader().getStatusCode()).isEqualTo(NtStatus.STATUS_NOTIFY_CLEANUP.getValue());
    }

    private static void assertWaits(Future<?> f) throws Exception {
        Thread.sleep(300);
        assertThat(f.isDone()).as("the watch waits while nothing changes").isFalse();
    }
}
