package io.dittofs.gateway.config;

import io.dittofs.gateway.share.Network;
import io.dittofs.gateway.share.Share;
import io.dittofs.gateway.share.Squash;
import java.util.List;
import java.util.Locale;

/** The static {@code dittofs.gateway.exports} as shares. */
final class ExportShares {

    private ExportShares() {
    }

    static List<Share> of(GatewayProperties props) {
        return props.exports().stream().map(ExportShares::share).toList();
    }

    static Share share(GatewayProperties.Export e) {
        List<Network> nets = e.networks().stream().map(n -> {
            try {
                return Network.parse(n);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("dittofs.gateway.exports[" + e.name() + "].networks: " + ex.getMessage(), ex);
            }
        }).toList();
        String path = e.path().length() > 1 && e.path().endsWith("/") ? e.path().substring(0, e.path().length() - 1) : e.path();
        return new Share(e.name(), path, e.readOnly(), Squash.valueOf(e.squash().toUpperCase(Locale.ROOT)),
                e.anonUid(), e.anonGid(), nets);
    }
}
