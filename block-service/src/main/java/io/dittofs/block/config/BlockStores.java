package io.dittofs.block.config;

import io.dittofs.block.local.LocalStore;
import io.dittofs.block.remote.RemoteStore;
import java.io.IOException;

/** The two tiers chosen by configuration; closed after the engine (which flushes into them). */
public record BlockStores(LocalStore local, RemoteStore remote) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        try {
            if (remote != null) {
                remote.close();
            }
        } finally {
            local.close();
        }
    }
}
