package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's suite driven by libnfs-utils (nfs-cp, nfs-ls, nfs-cat), a real userspace NFSv3 client. */
class LibnfsIT {

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
            assertThat(suite.jvm.terminate()).as("clean exit on SIGTERM").isIn(0, 143);
            assertThat(suite.jvm.logText()).as("shutdown log").doesNotContain("Failed to stop").doesNotContain(" ERROR ");
        }
    }

    @Test
    void largeFileRoundTripsThroughNfsCpWithTheSameSha256() throws Exception {
        Path src = tmp.resolve("big.bin");
        Random rnd = new Random(7);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(src)) {
            for (int i = 0; i < 80; i++) {
                rnd.nextBytes(chunk);
                out.write(chunk);
            }
            out.write(chunk, 0, 12345); // not a multiple of any block size
        }
        Tools.ok("nfs-cp", src.toString(), suite.url("big.bin"));
        Path back = tmp.resolve("big.back");
        Tools.ok("nfs-cp", suite.url("big.bin"), back.toString());
        assertThat(Files.size(back)).isEqualTo(Files.size(src));
        assertThat(Tools.sha256(back)).isEqualTo(Tools.sha256(src));
    }

    @Test
    void nfsLsListsAndNfsCatPrints() throws Exception {
        Path small = tmp.resolve("hello.txt");
        Files.writeString(small, "hello from libnfs\n");
        Tools.ok("nfs-cp", small.toString(), suite.url("hello.txt"));
        String listing = Tools.ok("nfs-ls", suite.url("")).output();
        assertThat(listing).contains("hello.txt");
        String cat = Tools.ok("nfs-cat", suite.url("hello.txt")).output();
        assertThat(cat).isEqualTo("hello from libnfs\n");
    }

    @Test
    void missingFileIsAnErrorForTheClient() throws IOException, InterruptedException {
        Tools.Result r = Tools.run(java.util.List.of("nfs-cat", suite.url("no-such-file")));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output().toLowerCase()).containsAnyOf("noent", "no such", "failed");
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
