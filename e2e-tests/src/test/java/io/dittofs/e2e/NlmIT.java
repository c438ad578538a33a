package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.NlmClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import io.dittofs.nfsclient.XdrOut;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NLM v4 end to end against the embedded suite (launcher jar, RocksDB lock store): locks taken and
 * refused between hosts, TEST naming the holder, a blocking lock granted by a GRANTED callback to
 * the waiting host's own NLM service, CANCEL, FREE_ALL, and the portmapper advertising NLM and NSM.
 */
class NlmIT {

    @TempDir
    Path tmp;

    @Test
    void locksBetweenHostsWithBlockingGrantCancelAndFreeAll() throws Exception {
        try (NlmCallbackHost hostB = new NlmCallbackHost();
             Suite suite = Suite.start(tmp.resolve("data"), "--dittofs.nlm.callback-portmap-port=" + hostB.port())) {
            byte[] fh;
            try (NfsClient c = new NfsClient("127.0.0.1", suite.port, RpcClient.Auth.sys(1000, 1000))) {
                byte[] root = c.mount("/export");
                var f = c.create(root, "locked.db", 1, Sattr.mode(0644));
                assertThat(f.status()).isEqualTo(Nfs3.OK);
                fh = f.handle();
            }
            try (RpcClient pm = new RpcClient("127.0.0.1", suite.port, RpcClient.Auth.authNone())) {
                for (int[] pv : new int[][] {{NlmClient.PROGRAM, 4}, {NlmClient.PROGRAM, 1}, {100024, 1}}) {
                    var r = pm.call(100000, 2, 3,
                            new XdrOut().writeInt(pv[0]).writeInt(pv[1]).writeInt(6).writeInt(0).toByteArray());
                    assertThat(r.body().readInt()).as("GETPORT %d v%d", pv[0], pv[1]).isEqualTo(suite.port);
                }
            }
            try (NlmClient a = new NlmClient("127.0.0.1", suite.port, "hostA");
                 NlmClient b = new NlmClient("127.0.0.1", suite.port, "hostB");
                 NlmClient c = new NlmClient("127.0.0.1", suite.port, "hostC")) {
                assertThat(a.lock(fh, 100, 0, 4096, true, false)).isEqualTo(NlmClient.GRANTED);
                assertThat(b.lock(fh, 200, 1000, 10, true, false)).isEqualTo(NlmClient.DENIED);
                var t = b.test(fh, 200, 0, 0, false);
                assertThat(t.stat()).isEqualTo(NlmClient.DENIED);
                assertThat(t.holderSvid()).isEqualTo(100);
                assertThat(t.holderLength()).isEqualTo(4096);

                // blocking: BLOCKED now, GRANTED by callback to host B's NLM once A unlocks
                assertThat(b.lock(fh, 200, 1000, 10, true, true)).isEqualTo(NlmClient.BLOCKED);
                assertThat(c.lock(fh, 300, 2000, 10, true, true)).isEqualTo(NlmClient.BLOCKED);
                assertThat(c.cancel(fh, 300, 2000, 10, true)).isEqualTo(NlmClient.GRANTED);
                assertThat(a.unlock(fh, 100, 0, 0)).isEqualTo(NlmClient.GRANTED);
                NlmCallbackHost.Grant g = hostB.grants.poll(20, TimeUnit.SECONDS);
                assertThat(g).as("GRANTED callback to host B").isNotNull();
                assertThat(g.callerName()).isEqualTo("hostB");
                assertThat(g.svid()).isEqualTo(200);
                assertThat(g.offset()).isEqualTo(1000);
                assertThat(g.fh()).containsExactly(fh);
                assertThat(a.test(fh, 100, 1005, 1, false).holderSvid()).isEqualTo(200);
                // C's cancelled request stayed cancelled: its range is free
                assertThat(c.test(fh, 300, 2000, 10, true).stat()).isEqualTo(NlmClient.GRANTED);

                // host B restarts: FREE_ALL drops its lock
                b.freeAll(3);
                assertThat(c.lock(fh, 300, 1000, 10, true, false)).isEqualTo(NlmClient.GRANTED);
            }
        }
    }
}
