package io.dittofs.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.config.NfsListeners;
import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The launcher in this JVM: the embedded default on a free port, and start-up validation. */
class DittoFsLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void servesNfsOnTheEmbeddedDefaultAndKeepsDataUnderTheDataDir() throws Exception {
        try (ConfigurableApplicationContext ctx = DittoFsLauncher.start("--dittofs.data-dir=" + tmp,
                "--dittofs.nfs.port=0", "--dittofs.nfs.udp=false")) {
            int port = ctx.getBean(NfsListeners.class).port();
            assertThat(port).isPositive();
            try (NfsClient c = new NfsClient("127.0.0.1", port, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                var f = c.create(root, "a.txt", 1, Sattr.mode(0644));
                assertThat(f.status()).isEqualTo(Nfs3.OK);
                assertThat(c.write(f.handle(), 0, "embedded".getBytes(), Nfs3.FILE_SYNC).status()).isEqualTo(Nfs3.OK);
                assertThat(new String(c.read(f.handle(), 0, 64).data())).isEqualTo("embedded");
                assertThat(c.remove(root, "a.txt").status()).isEqualTo(Nfs3.OK);
            }
        }
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).toList()).contains("metadata", "blocks");
    }

    @Test
    void aBadPropertyFailsStartUpNamingThePropertyAndTheFix() {
        assertThatThrownBy(() -> DittoFsLauncher.start("--dittofs.data-dir=" + tmp, "--dittofs.nfs.port=70000"))
                .hasStackTraceContaining("dittofs.nfs.port")
                .hasStackTraceContaining("DITTOFS_NFS_PORT");
        assertThatThrownBy(() -> DittoFsLauncher.start("--dittofs.data-dir=" + tmp, "--dittofs.nfs.port=0",
                "--dittofs.gateway.metadata-target=nonsense"))
                .hasStackTraceContaining("dittofs.gateway.metadata-target")
                .hasStackTraceContaining("HOST:PORT");
    }
}
