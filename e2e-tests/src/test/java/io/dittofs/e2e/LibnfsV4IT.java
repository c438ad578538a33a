package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's suite driven by libnfs-utils over NFSv4.0 ({@code ?version=4}): the pseudo root,
 * a listing, and files below libnfs's 4,000-byte NFSv4 write limit written and read back.
 */
class LibnfsV4IT {

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
        }
    }

    static String v4(String url) {
        return url.replace("&mountport=", "&version=4&ignored=");
    }

    @Test
    void pseudoRootListsTheExport() throws Exception {
        String root = v4(suite.url("")).replace("/export/?", "/?");
        assertThat(Tools.ok("nfs-ls", root).output()).contains("export");
    }

    @Test
    void writeListAndReadBackOverNfs4() throws Exception {
        Path src = tmp.resolve("v4.bin");
        byte[] data = new byte[3000];
        new Random(4).nextBytes(data);
        Files.write(src, data);
        Tools.ok("nfs-cp", src.toString(), v4(suite.url("v4.bin")));
        assertThat(Tools.ok("nfs-ls", v4(suite.url(""))).output()).contains("v4.bin");
        Path back = tmp.resolve("v4.back");
        Tools.ok("nfs-cp", v4(suite.url("v4.bin")), back.toString());
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
        Path text = tmp.resolve("hello.txt");
        Files.writeString(text, "hello over NFSv4\n");
        Tools.ok("nfs-cp", text.toString(), v4(suite.url("hello.txt")));
        assertThat(Tools.ok("nfs-cat", v4(suite.url("hello.txt"))).output()).isEqualTo("hello over NFSv4\n");
    }
}
