package io.dittofs.gateway.share;

import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.ConfigWatchClient;
import io.dittofs.gateway.lifecycle.Phases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shares fed live by the control plane's watch stream. Every event rebuilds two immutable maps
 * (by name, by export path) and publishes them with one volatile write, so the per-call lookups of
 * MOUNT and NFS stay map reads with no service call. A share created through the API is mountable
 * as soon as its event arrives; a deleted one disappears, so MOUNT refuses it and its handles
 * answer STALE (see {@link ShareIds}). Each share's id comes with it (the control plane assigns it
 * and creates the share's root under that id), so a handle's share is found without a service call.
 *
 * <p>Starts before the NFS listeners. With a {@link ShareSnapshotFile} holding the last
 * configuration received, it serves those shares at once and the listeners open without waiting
 * for the control plane; the watch stream's first message (always a full snapshot: the client asks
 * from revision 0) then replaces them, so a share deleted meanwhile disappears (its handles answer
 * STALE) and changed rules apply. Without a usable snapshot it waits for the control plane, so no
 * client is refused for want of configuration.
 */
public final class WatchShareRegistry implements ShareRegistry, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchShareRegistry.class);
    /** Without a snapshot the listeners wait this long for the control plane (it may start beside us, slowly). */
    private static final Duration INITIAL_WAIT = Duration.ofMinutes(3);

    private record Maps(Map<String, Share> byName, Map<String, Share> byPath, Map<Long, Share> byId, boolean allIds) { }

    private final ConfigWatchClient watch;
    private final ShareSnapshotFile snapshot;
    private volatile Maps maps = new Maps(Map.of(), Map.of(), Map.of(), true);
    private volatile boolean running;
    /** Whether the control plane delivered yet; a recovered snapshot never overwrites what it said. */
    private boolean live;
    private boolean recovered;

    public WatchShareRegistry(ConfigWatchClient watch) {
        this(watch, null);
    }

    /** {@code snapshot} (may be null): where the last configuration is kept for the next start. */
    public WatchShareRegistry(ConfigWatchClient watch, ShareSnapshotFile snapshot) {
        this.watch = watch;
        this.snapshot = snapshot;
        watch.addListener((event, view) -> {
            apply(view);
            if (snapshot != null) {
                snapshot.saveLater(view);
            }
        });
    }

    /** Replaces the exported shares with those of {@code view} (from the control plane) that have NFS enabled. */
    public void apply(ConfigView view) {
        boolean reconciled;
        synchronized (this) {
            reconciled = recovered && !live;
            live = true;
            publish(view);
        }
        if (reconciled) {
            log.info("control plane delivered revision {}: exporting {} share(s), replacing the snapshot's",
                    view.revision(), maps.byName().size());
        }
    }

    /** Serves the last saved configuration until the control plane delivers; false when there is none. */
    synchronized boolean recover() {
        if (snapshot == null || live) {
            return live;
        }
        Optional<ConfigView> saved = snapshot.load();
        if (saved.isEmpty()) {
            return false;
        }
        publish(saved.get());
        recovered = true;
        log.info("exporting {} share(s) from the snapshot of revision {} ({}) until the control plane delivers",
                maps.byName().size(), saved.get().revision(), snapshot.path());
        return true;
    }

    private void publish(ConfigView view) {
        Map<String, Share> byName = new LinkedHashMap<>();
        Map<String, Share> byPath = new LinkedHashMap<>();
        Map<Long, Share> byId = new LinkedHashMap<>();
        boolean allIds = true;
        for (var s : view.shares().values()) {
            if (!s.getNfsEnabled() && !s.getSmbEnabled()) {
                continue;
            }
            Optional<Share> share = toShare(s, view);
            if (share.isEmpty()) {
                continue;
            }
            Share sh = share.get();
            byName.put(sh.name(), sh);
            byPath.put(sh.exportPath(), sh);
            if (s.getShareId() != 0) {
                byId.put(Integer.toUnsignedLong(s.getShareId()), sh);
            } else {
                allIds = false; // a control plane that assigns no ids: fall back to GetRoot
            }
        }
        maps = new Maps(Map.copyOf(byName), Map.copyOf(byPath), Map.copyOf(byId), allIds);
    }

    /** The gateway's rules for one control-plane share; empty (not exported) if its networks do not parse. */
    static Optional<Share> toShare(io.dittofs.contracts.control.v1.Share s) {
        return toShare(s, ConfigView.EMPTY);
    }

    /** As above, with user and group grants resolved to uids and gids through {@code view}. */
    static Optional<Share> toShare(io.dittofs.contracts.control.v1.Share s, ConfigView view) {
        List<Network> networks = new ArrayList<>();
        for (String cidr : s.getAllowedNetworksList()) {
            try {
                networks.add(Network.parse(cidr));
            } catch (IllegalArgumentException e) {
                // refusing the share is safer than exporting it to more clients than intended
                log.warn("share '{}' not exported: {}", s.getName(), e.getMessage());
                return Optional.empty();
            }
        }
        Squash squash = switch (s.getSquash()) {
            case SQUASH_NONE -> Squash.NONE;
            case SQUASH_ALL -> Squash.ALL;
            default -> Squash.ROOT;
        };
        String path = s.getExportPath().isEmpty() ? "/" + s.getName() : s.getExportPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        java.util.EnumSet<ShareProtocol> protocols = java.util.EnumSet.noneOf(ShareProtocol.class);
        if (s.getNfsEnabled()) {
            protocols.add(ShareProtocol.NFS);
        }
        if (s.getSmbEnabled()) {
            protocols.add(ShareProtocol.SMB);
        }
        return Optional.of(new Share(s.getName(), path, s.getReadOnly(), squash, s.getAnonymousUid(),
                s.getAnonymousGid(), networks, permissions(s, view), protocols));
    }

    /** Grants by name become grants by uid/gid; a grant naming an unknown user or group is dropped. */
    static SharePermissions permissions(io.dittofs.contracts.control.v1.Share s, ConfigView view) {
        Map<Integer, SharePermissions.Level> byUid = new LinkedHashMap<>();
        Map<Integer, SharePermissions.Level> byGid = new LinkedHashMap<>();
        for (var g : s.getGrantsList()) {
            SharePermissions.Level level = level(g.getPermission());
            switch (g.getWhoCase()) {
                case USER -> view.user(g.getUser()).ifPresent(u -> byUid.merge(u.getUid(), level, WatchShareRegistry::max));
                case GROUP -> view.group(g.getGroup()).ifPresent(gr -> byGid.merge(gr.getGid(), level, WatchShareRegistry::max));
                default -> log.warn("share '{}': a grant without a user or group is ignored", s.getName());
            }
        }
        return new SharePermissions(level(s.getDefaultPermission()), byUid, byGid);
    }

    private static SharePermissions.Level level(io.dittofs.contracts.control.v1.SharePermission p) {
        return switch (p) {
            case PERMISSION_READ -> SharePermissions.Level.READ;
            case PERMISSION_READ_WRITE, PERMISSION_ADMIN -> SharePermissions.Level.READ_WRITE;
            default -> SharePermissions.Level.NONE;
        };
    }

    private static SharePermissions.Level max(SharePermissions.Level a, SharePermissions.Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public Collection<Share> all() {
        return maps.byName().values();
    }

    @Override
    public Optional<Share> byName(String name) {
        return Optional.ofNullable(maps.byName().get(name));
    }

    @Override
    public boolean assignsIds() {
        return maps.allIds();
    }

    @Override
    public Optional<Share> byId(long id) {
        return Optional.ofNullable(maps.byId().get(id));
    }

    @Override
    public Optional<Share> byExportPath(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Optional.ofNullable(maps.byPath().get(p));
    }

    @Override
    public void start() {
        watch.start();
        if (recover()) {
            running = true;
            return;
        }
        try {
            if (!watch.awaitInitial(INITIAL_WAIT)) {
                throw new IllegalStateException("no configuration from the control plane within " + INITIAL_WAIT
                        + "; check dittofs.gateway.control-target");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the control plane", e);
        }
        apply(watch.view());
        running = true;
        log.info("exporting {} share(s) from the control plane", maps.byName().size());
    }

    @Override
    public void stop() {
        running = false;
        watch.close();
        if (snapshot != null) {
            snapshot.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Phases.SHARES;
    }

    @Override
    public void close() {
        watch.close();
        if (snapshot != null) {
            snapshot.close();
        }
    }
}
