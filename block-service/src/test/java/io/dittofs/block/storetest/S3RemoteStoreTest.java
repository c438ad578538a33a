package io.dittofs.block.storetest;

import io.dittofs.block.remote.RemoteStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The RemoteStore suite against a real S3 API (s3proxy on loopback), path-style, endpoint override. */
class S3RemoteStoreTest extends RemoteStoreConformance {

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected RemoteStore open() throws Exception {
        return server.client("conformance");
    }
}
