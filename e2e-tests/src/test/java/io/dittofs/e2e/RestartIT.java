package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash safety: data COMMITted before a SIGKILL of the whole suite reads back after a restart. */
class RestartIT {

    @TempDir
    Path tmp;

    @Test
    void committedDataSurvivesKillMinus9AndTheVerifierChanges() throws Exception {
        Path data = tmp.resolve("data");
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(payload);
        byte[] handle;
        byte[] verifierBefore;
        Suite first = Suite.start(data);
        try (NfsClient c = new NfsClient("127.0.0.1", first.port, RpcClient.Auth.sys(1000, 1000))) {
            byte[] root = c.mount("/export");
            var f = c.create(root, "durable.bin", 1, Sattr.mode(0644));
            assertThat(f.status()).isEqualTo(Nfs3.OK);
            handle = f.handle();
            for (int off = 0; off < payload.length; off += 1 << 20) {
                int n = Math.min(1 << 20, payload.length - off);
                byte[] chunk = java.util.Arrays.copyOfRange(payload, off, off + n);
                assertThat(c.write(handle, off, chunk, Nfs3.UNSTABLE).status()).isEqualTo(Nfs3.OK);
            }
            var commit = c.commit(handle, 0, 0);
            assertThat(commit.status()).isEqualTo(Nfs3.OK);
            verifierBefore = commit.verifier();
        } finally {
            first.jvm.kill();
        }
        try (Suite second = Suite.start(data);
             NfsClient c = new NfsClient("127.0.0.1", second.port, RpcClient.Auth.sys(1000, 1000))) {
            byte[] root = c.mount("/export");
            var found = c.lookup(root, "durable.bin");
            assertThat(found.status()).isEqualTo(Nfs3.OK);
            assertThat(found.handle()).as("handles survive restarts").isEqualTo(handle);
            assertThat(found.attr().size()).isEqualTo(payload.length);
            java.io.ByteArrayOutputStream back = new java.io.ByteArrayOutputStream();
            long off = 0;
            while (true) {
                var r = c.read(handle, off, 1 << 20);
                assertThat(r.status()).isEqualTo(Nfs3.OK);
                back.write(r.data());
                off += r.count();
                if (r.eof() || r.count() == 0) {
                    break;
                }
            }
            assertThat(back.toByteArray()).isEqualTo(payload);
            assertThat(c.commit(handle, 0, 0).verifier()).as("write verifier changes on restart").isNotEqualTo(verifierBefore);
        }
    }
}
