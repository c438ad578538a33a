package io.dittofs.contracts.control;

import io.dittofs.contracts.control.v1.Adapter;
import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.contracts.control.v1.Group;
import io.dittofs.contracts.control.v1.Share;
import io.dittofs.contracts.control.v1.StoreDefinition;
import io.dittofs.contracts.control.v1.User;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable view of the control-plane configuration at one revision. Each watch event yields a
 * new view; readers never see a half-applied change.
 */
public record ConfigView(long revision, Map<String, Share> shares, Map<String, Adapter> adapters,
                         Map<String, User> users, Map<String, Group> groups,
                         Map<String, StoreDefinition> metadataStores, Map<String, StoreDefinition> blockStores) {

    public static final ConfigView EMPTY = new ConfigView(0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public ConfigView {
        shares = Map.copyOf(shares);
        adapters = Map.copyOf(adapters);
        users = Map.copyOf(users);
        groups = Map.copyOf(groups);
        metadataStores = Map.copyOf(metadataStores);
        blockStores = Map.copyOf(blockStores);
    }

    public static ConfigView of(ConfigSnapshot s) {
        return new ConfigView(s.getRevision(), index(s.getSharesList(), Share::getName),
                index(s.getAdaptersList(), Adapter::getKind), index(s.getUsersList(), User::getName),
                index(s.getGroupsList(), Group::getName), index(s.getMetadataStoresList(), StoreDefinition::getName),
                index(s.getBlockStoresList(), StoreDefinition::getName));
    }

    public Optional<Share> share(String name) {
        return Optional.ofNullable(shares.get(name));
    }

    /** The share exported at the given path (e.g. "/export"), as NFS MOUNT asks for it. */
    public Optional<Share> shareByExportPath(String path) {
        return shares.values().stream().filter(s -> s.getExportPath().equals(path)).findFirst();
    }

    public Optional<Adapter> adapter(String kind) {
        return Optional.ofNullable(adapters.get(kind));
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** This view with one event applied (a snapshot event replaces everything). */
    public ConfigView apply(ConfigEvent e) {
        if (e.hasSnapshot()) {
            return of(e.getSnapshot());
        }
        Map<String, Share> sh = new HashMap<>(shares);
        Map<String, Adapter> ad = new HashMap<>(adapters);
        Map<String, User> us = new HashMap<>(users);
        Map<String, Group> gr = new HashMap<>(groups);
        Map<String, StoreDefinition> ms = new HashMap<>(metadataStores);
        Map<String, StoreDefinition> bs = new HashMap<>(blockStores);
        switch (e.getChangeCase()) {
            case SHARE_UPSERTED -> sh.put(e.getShareUpserted().getName(), e.getShareUpserted());
            case SHARE_DELETED -> sh.remove(e.getShareDeleted());
            case ADAPTER_UPSERTED -> ad.put(e.getAdapterUpserted().getKind(), e.getAdapterUpserted());
            case USER_UPSERTED -> us.put(e.getUserUpserted().getName(), e.getUserUpserted());
            case USER_DELETED -> us.remove(e.getUserDeleted());
            case GROUP_UPSERTED -> gr.put(e.getGroupUpserted().getName(), e.getGroupUpserted());
            case GROUP_DELETED -> gr.remove(e.getGroupDeleted());
            case METADATA_STORE_UPSERTED -> ms.put(e.getMetadataStoreUpserted().getName(), e.getMetadataStoreUpserted());
            case BLOCK_STORE_UPSERTED -> bs.put(e.getBlockStoreUpserted().getName(), e.getBlockStoreUpserted());
            case SNAPSHOT, CHANGE_NOT_SET -> { }
        }
        return new ConfigView(Math.max(revision, e.getRevision()), sh, ad, us, gr, ms, bs);
    }

    private static <T> Map<String, T> index(Iterable<T> items, Function<T, String> key) {
        Map<String, T> m = new HashMap<>();
        items.forEach(i -> m.put(key.apply(i), i));
        return m;
    }
}
