package io.dittofs.control.groups;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.control.api.ApiException;
import io.dittofs.control.groups.GroupDtos.CreateGroup;
import io.dittofs.control.groups.GroupDtos.GroupView;
import io.dittofs.control.groups.GroupDtos.UpdateGroup;
import io.dittofs.control.settings.SettingsService;
import io.dittofs.control.shares.ShareService;
import io.dittofs.control.users.Sids;
import io.dittofs.control.users.UserEntity;
import io.dittofs.control.users.UserRepository;
import io.dittofs.control.watch.ConfigChangeLog;
import io.dittofs.control.watch.ProtoMapper;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/** Groups and their members; a membership change also re-announces the affected users' gid lists. */
public class GroupService {

    private static final long FIRST_AUTO_GID = 10000;

    private final GroupRepository groups;
    private final UserRepository users;
    private final SettingsService settings;
    private final ConfigChangeLog changes;
    private final ShareService shares;

    public GroupService(GroupRepository groups, UserRepository users, SettingsService settings, ConfigChangeLog changes, ShareService shares) {
        this.groups = groups;
        this.users = users;
        this.settings = settings;
        this.changes = changes;
        this.shares = shares;
    }

    @Transactional(readOnly = true)
    public List<GroupView> list() {
        return groups.findAllByOrderByNameAsc().stream().map(GroupService::view).toList();
    }

    @Transactional(readOnly = true)
    public GroupView get(String name) {
        return view(find(name));
    }

    @Transactional
    public GroupView create(CreateGroup req) {
        if (groups.existsByName(req.name())) {
            throw ApiException.conflict("name", "group '" + req.name() + "' already exists");
        }
        long gid = req.gid() != null ? req.gid() : nextFreeGid();
        if (groups.existsByGid(gid)) {
            throw ApiException.conflict("gid", "gid " + gid + " is already used");
        }
        String sid = req.sid() != null ? req.sid() : Sids.forGroup(settings.domainSid(), gid);
        if (groups.existsBySid(sid)) {
            throw ApiException.conflict("sid", "SID " + sid + " is already used");
        }
        GroupEntity g = new GroupEntity(req.name(), gid, sid);
        g.getMembers().addAll(resolveMembers(req.members()));
        groups.saveAndFlush(g);
        announce(g, g.getMembers());
        return view(g);
    }

    @Transactional
    public GroupView update(String name, UpdateGroup req) {
        GroupEntity g = find(name);
        Set<UserEntity> affected = new HashSet<>();
        if (req.gid() != null && req.gid() != g.getGid()) {
            if (groups.existsByGid(req.gid())) {
                throw ApiException.conflict("gid", "gid " + req.gid() + " is already used");
            }
            g.setGid(req.gid());
            affected.addAll(g.getMembers());
        }
        if (req.sid() != null && !req.sid().equals(g.getSid())) {
            if (groups.existsBySid(req.sid())) {
                throw ApiException.conflict("sid", "SID " + req.sid() + " is already used");
            }
            g.setSid(req.sid());
        }
        if (req.members() != null) {
            Set<UserEntity> wanted = resolveMembers(req.members());
            affected.addAll(g.getMembers());
            affected.addAll(wanted);
            g.getMembers().clear();
            g.getMembers().addAll(wanted);
        }
        groups.saveAndFlush(g);
        announce(g, affected);
        return view(g);
    }

    @Transactional
    public void delete(String name) {
        GroupEntity g = find(name);
        shares.forget(null, g);
        Set<UserEntity> members = new HashSet<>(g.getMembers());
        groups.delete(g);
        groups.flush();
        changes.record(ConfigEvent.newBuilder().setGroupDeleted(name));
        members.forEach(u -> changes.record(ConfigEvent.newBuilder()
                .setUserUpserted(ProtoMapper.user(u, groups.findByMembersContaining(u)))));
    }

    private void announce(GroupEntity g, Set<UserEntity> affectedUsers) {
        changes.record(ConfigEvent.newBuilder().setGroupUpserted(ProtoMapper.group(g)));
        affectedUsers.forEach(u -> changes.record(ConfigEvent.newBuilder()
                .setUserUpserted(ProtoMapper.user(u, groups.findByMembersContaining(u)))));
    }

    private GroupEntity find(String name) {
        return groups.findByName(name).orElseThrow(() -> ApiException.notFound("group", name));
    }

    private Set<UserEntity> resolveMembers(List<String> names) {
        Set<UserEntity> out = new LinkedHashSet<>();
        if (names == null) {
            return out;
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int index = i;
            out.add(users.findByName(n).orElseThrow(() ->
                    ApiException.invalid("members[" + index + "]", "user '" + n + "' does not exist")));
        }
        return out;
    }

    private long nextFreeGid() {
        long gid = FIRST_AUTO_GID;
        while (groups.existsByGid(gid)) {
            gid++;
        }
        return gid;
    }

    private static GroupView view(GroupEntity g) {
        return new GroupView(g.getName(), g.getGid(), g.getSid(),
                g.getMembers().stream().map(UserEntity::getName).sorted().toList());
    }
}
