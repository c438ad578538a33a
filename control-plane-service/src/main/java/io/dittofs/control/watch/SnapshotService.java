package io.dittofs.control.watch;

import io.dittofs.contracts.control.v1.ConfigSnapshot;
import io.dittofs.control.adapters.AdapterRepository;
import io.dittofs.control.groups.GroupEntity;
import io.dittofs.control.groups.GroupRepository;
import io.dittofs.control.shares.ShareRepository;
import io.dittofs.control.stores.StoreRepository;
import io.dittofs.control.stores.StoreRole;
import io.dittofs.control.users.UserEntity;
import io.dittofs.control.users.UserRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the full configuration. The revision is read first: a change committed while the rest is
 * read is then both in the snapshot and delivered again as an event, which is harmless because
 * every event carries the whole object (upserts and deletes are idempotent).
 */
public class SnapshotService {

    private final ConfigEventRepository events;
    private final ShareRepository shares;
    private final AdapterRepository adapters;
    private final UserRepository users;
    private final GroupRepository groups;
    private final StoreRepository stores;

    public SnapshotService(ConfigEventRepository events, ShareRepository shares, AdapterRepository adapters,
                           UserRepository users, GroupRepository groups, StoreRepository stores) {
        this.events = events;
        this.shares = shares;
        this.adapters = adapters;
        this.users = users;
        this.groups = groups;
        this.stores = stores;
    }

    @Transactional(readOnly = true)
    public long currentRevision() {
        return events.currentRevision();
    }

    @Transactional(readOnly = true)
    public ConfigSnapshot snapshot() {
        long revision = events.currentRevision();
        List<GroupEntity> allGroups = groups.findAllByOrderByNameAsc();
        Map<Long, List<GroupEntity>> memberships = new HashMap<>();
        for (GroupEntity g : allGroups) {
            for (UserEntity m : g.getMembers()) {
                memberships.computeIfAbsent(m.getId(), k -> new ArrayList<>()).add(g);
            }
        }
        ConfigSnapshot.Builder b = ConfigSnapshot.newBuilder().setRevision(revision);
        shares.findAllByOrderByNameAsc().forEach(s -> b.addShares(ProtoMapper.share(s)));
        adapters.findAllByOrderByKindAsc().forEach(a -> b.addAdapters(ProtoMapper.adapter(a)));
        users.findAllByOrderByNameAsc().forEach(u -> b.addUsers(ProtoMapper.user(u, memberships.getOrDefault(u.getId(), List.of()))));
        allGroups.forEach(g -> b.addGroups(ProtoMapper.group(g)));
        stores.findByRoleOrderByNameAsc(StoreRole.METADATA).forEach(s -> b.addMetadataStores(ProtoMapper.store(s)));
        stores.findByRoleOrderByNameAsc(StoreRole.BLOCK).forEach(s -> b.addBlockStores(ProtoMapper.store(s)));
        return b.build();
    }
}
