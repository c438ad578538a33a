package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.v4.Nfs4Client;
import io.dittofs.nfsclient.v4.Nfs4Exception;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client's NFSv4.1 against the launcher jar: a session, a file of more than 1 MiB written
 * through OPEN/WRITE/CLOSE, read back identical over NFSv4.1 and over NFSv3; a read delegation
 * recalled over the back channel when another client opens the file for writing.
 */
class Nfs41ClientIT {

    static final int UID = 1000;
    static final int CHUNK = 256 * 1024;

    @TempDir
    static Path tmp;
    static Suite suite;

    @BeforeAll
    static void start() throws Exception {
        suite = Suite.start(tmp.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void writesOverNfs41AndReadsBackOverNfs41AndNfs3() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 4321];
        new Random(41).nextBytes(content);
        String name = "v41-" + System.nanoTime() + ".bin";

        try (Nfs4Client v4 = new Nfs4Client("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID))) {
            v4.establish();
            byte[] export = v4.lookup("/export");
            var f = v4.open(export, name, Nfs4Client.ACCESS_BOTH, true);
            for (int off = 0; off < content.length; off += CHUNK) {
                int n = Math.min(CHUNK, content.length - off);
                byte[] part = java.util.Arrays.copyOfRange(content, off, off + n);
                assertThat(v4.write(f, off, part, Nfs4Client.UNSTABLE)).isEqualTo(n);
            }
            v4.commit(f.fh());
            v4.close(f);
            assertThat(v4.size(f.fh())).isEqualTo(content.length);
            assertThatThrownBy(() -> v4.read(f, 0, 10)).isInstanceOf(Nfs4Exception.class)
                    .satisfies(e -> assertThat(((Nfs4Exception) e).status()).isEqualTo(10025)); // BAD_STATEID after CLOSE

            var r = v4.open(export, name, Nfs4Client.ACCESS_READ, false);
            assertThat(r.fh()).isEqualTo(v4.lookup("/export/" + name));
            assertThat(readAll(v4, r)).isEqualTo(content);
            v4.close(r);
            v4.destroy();
        }

        try (NfsClient v3 = new NfsClient("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID))) {
            byte[] root = v3.mount("/export");
            var h = v3.lookup(root, name);
            assertThat(h.status()).isEqualTo(Nfs3.OK);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            boolean eof = false;
            while (!eof) {
                var rr = v3.read(h.handle(), got.size(), CHUNK);
                assertThat(rr.status()).isEqualTo(Nfs3.OK);
                got.write(rr.data());
                eof = rr.eof() || rr.count() == 0;
            }
            assertThat(got.toByteArray()).isEqualTo(content);
        }
    }

    @Test
    void sessionsAreIndependentPerClientAndDestroyedOnce() throws Exception {
        try (Nfs4Client a = new Nfs4Client("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID));
             Nfs4Client b = new Nfs4Client("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID))) {
            a.establish();
            b.establish();
            assertThat(a.clientId()).isNotEqualTo(b.clientId());
            byte[] export = a.lookup("/export");
            assertThat(b.lookup("/export")).isEqualTo(export);
            a.destroy();
            // b's session is untouched by a's DESTROY_SESSION/DESTROY_CLIENTID
            assertThat(b.lookup("/export")).isEqualTo(export);
            assertThatThrownBy(() -> a.lookup("/export")).isInstanceOf(IllegalStateException.class);
            b.destroy();
        }
    }

    @Test
    void readDelegationIsRecalledOverTheBackChannelWhenAnotherClientOpensForWriting() throws Exception {
        String name = "deleg-" + System.nanoTime();
        try (Nfs4Client holder = new Nfs4Client("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID));
             Nfs4Client writer = new Nfs4Client("127.0.0.1", suite.port, RpcClient.Auth.sys(UID, UID))) {
            writer.establish();
            byte[] export = writer.lookup("/export");
            var first = writer.open(export, name, Nfs4Client.ACCESS_BOTH, true);
            assertThat(first.delegationType()).as("a client without a back channel gets none").isZero();
            writer.write(first, 0, "before".getBytes(StandardCharsets.UTF_8), Nfs4Client.FILE_SYNC);
            writer.close(first);

            holder.establishWithDelegations();
            var held = holder.open(export, name, Nfs4Client.ACCESS_READ, false);
            assertThat(held.delegationType()).as("a read delegation for the only opener").isEqualTo(1);

            // the conflicting OPEN waits (DELAY, retried) until the holder has returned its delegation
            var w = writer.open(export, name, Nfs4Client.ACCESS_WRITE, false);
            var recall = holder.callbacks().awaitRecall(Duration.ofSeconds(30));
            assertThat(recall).as("CB_RECALL received").isNotNull();
            assertThat(recall.fh()).isEqualTo(held.fh());
            assertThat(recall.delegation().other()).isEqualTo(held.delegation().other());
            assertThat(holder.callbacks().returned()).as("DELEGRETURN accepted").isEqualTo(1);
            assertThat(holder.callbacks().failedReturns()).isZero();

            writer.write(w, 0, "after!".getBytes(StandardCharsets.UTF_8), Nfs4Client.FILE_SYNC);
            writer.close(w);
            assertThat(new String(holder.read(held, 0, 64).data(), StandardCharsets.UTF_8)).isEqualTo("after!");
            holder.close(held);
            holder.destroy();
            writer.destroy();
        }
    }

    private static byte[] readAll(Nfs4Client v4, Nfs4Client.Opened f) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (true) {
            var rr = v4.read(f, got.size(), CHUNK);
            got.write(rr.data(), 0, rr.data().length);
            if (rr.eof() || rr.data().length == 0) {
                return got.toByteArray();
            }
        }
    }
}
