package io.dittofs.control.users;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.control.api.ApiException;
import io.dittofs.control.auth.SessionRepository;
import io.dittofs.control.groups.GroupEntity;
import io.dittofs.control.groups.GroupRepository;
import io.dittofs.control.settings.SettingsService;
import io.dittofs.control.shares.ShareService;
import io.dittofs.control.users.UserDtos.ChangePassword;
import io.dittofs.control.users.UserDtos.CreateUser;
import io.dittofs.control.users.UserDtos.UpdateUser;
import io.dittofs.control.users.UserDtos.UserView;
import io.dittofs.control.watch.ConfigChangeLog;
import io.dittofs.control.watch.ProtoMapper;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

/** Local users: every change, with its group memberships and watch events, is one transaction. */
public class UserService {

    private static final long FIRST_AUTO_UID = 10000;

    private final UserRepository users;
    private final GroupRepository groups;
    private final SessionRepository sessions;
    private final SettingsService settings;
    private final ConfigChangeLog changes;
    private final ShareService shares;

    public UserService(UserRepository users, GroupRepository groups, SessionRepository sessions,
                       SettingsService settings, ConfigChangeLog changes, ShareService shares) {
        this.users = users;
        this.groups = groups;
        this.sessions = sessions;
        this.settings = settings;
        this.changes = changes;
        this.shares = shares;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(String name) {
        return view(find(name));
    }

    @Transactional
    public UserView create(CreateUser req) {
        if (users.existsByName(req.name())) {
            throw ApiException.conflict("name", "user '" + req.name() + "' already exists");
        }
        long uid = req.uid() != null ? req.uid() : nextFreeUid();
        if (users.existsByUid(uid)) {
            throw ApiException.conflict("uid", "uid " + uid + " is already used");
        }
        String sid = req.sid() != null ? req.sid() : Sids.forUser(settings.domainSid(), uid);
        if (users.existsBySid(sid)) {
            throw ApiException.conflict("sid", "SID " + sid + " is already used");
        }
        checkPrincipalFree(req.kerberosPrincipal(), null);
        Set<GroupEntity> memberOf = resolveGroups(req.groups());
        UserEntity u = new UserEntity(req.name(), uid, req.gid() != null ? req.gid() : uid, sid,
                req.role() != null ? req.role() : Role.USER);
        u.setCredentials(Passwords.bcrypt(req.password()), Passwords.ntHash(req.password()));
        u.setKerberosPrincipal(req.kerberosPrincipal());
        u.setEnabled(req.enabled() == null || req.enabled());
        users.save(u);
        memberOf.forEach(g -> g.getMembers().add(u));
        users.flush();
        changes.record(ConfigEvent.newBuilder().setUserUpserted(ProtoMapper.user(u, memberOf)));
        memberOf.forEach(g -> changes.record(ConfigEvent.newBuilder().setGroupUpserted(ProtoMapper.group(g))));
        return view(u);
    }

    @Transactional
    public UserView update(String name, UpdateUser req) {
        UserEntity u = find(name);
        if (req.uid() != null && req.uid() != u.getUid()) {
            if (users.existsByUid(req.uid())) {
                throw ApiException.conflict("uid", "uid " + req.uid() + " is already used");
            }
            u.setUid(req.uid());
        }
        if (req.gid() != null) {
            u.setGid(req.gid());
        }
        if (req.sid() != null && !req.sid().equals(u.getSid())) {
            if (users.existsBySid(req.sid())) {
                throw ApiException.conflict("sid", "SID " + req.sid() + " is already used");
            }
            u.setSid(req.sid());
        }
        if (req.kerberosPrincipal() != null) {
            checkPrincipalFree(req.kerberosPrincipal(), u);
            u.setKerberosPrincipal(req.kerberosPrincipal().isEmpty() ? null : req.kerberosPrincipal());
        }
        boolean losesAdmin = (req.enabled() != null && !req.enabled()) || (req.role() != null && req.role() != Role.ADMIN);
        if (losesAdmin) {
            keepOneAdmin(u, req.enabled() != null && !req.enabled() ? "enabled" : "role");
        }
        if (req.enabled() != null) {
            u.setEnabled(req.enabled());
            if (!req.enabled()) {
                sessions.deleteByUserName(u.getName());
            }
        }
        if (req.role() != null) {
            u.setRole(req.role());
        }
        if (req.password() != null) {
            setPassword(u, req.password(), true);
        }
        Set<GroupEntity> changedGroups = new HashSet<>();
        if (req.groups() != null) {
            Set<GroupEntity> wanted = resolveGroups(req.groups());
            for (GroupEntity g : groups.findByMembersContaining(u)) {
                if (!wanted.contains(g)) {
                    g.getMembers().remove(u);
                    changedGroups.add(g);
                }
            }
            for (GroupEntity g : wanted) {
                if (g.getMembers().add(u)) {
                    changedGroups.add(g);
                }
            }
        }
        users.flush();
        changes.record(ConfigEvent.newBuilder().setUserUpserted(ProtoMapper.user(u, groups.findByMembersContaining(u))));
        changedGroups.forEach(g -> changes.record(ConfigEvent.newBuilder().setGroupUpserted(ProtoMapper.group(g))));
        return view(u);
    }

    /** A user changes its own password; the current one is required unless a change is forced. */
    @Transactional
    public void changeOwnPassword(String name, ChangePassword req) {
        UserEntity u = find(name);
        if (!u.isMustChangePassword() || req.currentPassword() != null) {
            if (!Passwords.matches(req.currentPassword(), u.getPasswordHash())) {
                throw new ApiException(HttpStatus.FORBIDDEN, "wrong-password", "the current password is wrong", "currentPassword");
            }
        }
        if (Objects.equals(req.currentPassword(), req.newPassword())) {
            throw ApiException.invalid("newPassword", "the new password must differ from the current one");
        }
        setPassword(u, req.newPassword(), false);
    }

    @Transactional
    public void delete(String name) {
        UserEntity u = find(name);
        keepOneAdmin(u, "name");
        shares.forget(u, null);
        List<GroupEntity> memberOf = groups.findByMembersContaining(u);
        memberOf.forEach(g -> g.getMembers().remove(u));
        sessions.deleteByUserName(u.getName());
        users.delete(u);
        users.flush();
        changes.record(ConfigEvent.newBuilder().setUserDeleted(u.getName()));
        memberOf.forEach(g -> changes.record(ConfigEvent.newBuilder().setGroupUpserted(ProtoMapper.group(g))));
    }

    /** Nobody could administer the suite any more if its last enabled admin went away. */
    private void keepOneAdmin(UserEntity u, String field) {
        if (u.getRole() == Role.ADMIN && u.isEnabled() && users.countByRoleAndEnabled(Role.ADMIN, true) <= 1) {
            throw ApiException.conflict(field, "'" + u.getName() + "' is the last enabled admin");
        }
    }

    UserEntity find(String name) {
        return users.findByName(name).orElseThrow(() -> ApiException.notFound("user", name));
    }

    private void setPassword(UserEntity u, String password, boolean forceChange) {
        u.setCredentials(Passwords.bcrypt(password), Passwords.ntHash(password));
        u.setMustChangePassword(forceChange && u.isMustChangePassword());
    }

    private void checkPrincipalFree(String principal, UserEntity self) {
        if (principal == null || principal.isEmpty()) {
            return;
        }
        users.findByKerberosPrincipal(principal).filter(o -> o != self).ifPresent(o -> {
            throw ApiException.conflict("kerberosPrincipal", "principal " + principal + " belongs to user '" + o.getName() + "'");
        });
    }

    private Set<GroupEntity> resolveGroups(List<String> names) {
        Set<GroupEntity> out = new LinkedHashSet<>();
        if (names == null) {
            return out;
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int index = i;
            out.add(groups.findByName(n).orElseThrow(() ->
                    ApiException.invalid("groups[" + index + "]", "group '" + n + "' does not exist")));
        }
        return out;
    }

    private long nextFreeUid() {
        long uid = FIRST_AUTO_UID;
        while (users.existsByUid(uid)) {
            uid++;
        }
        return uid;
    }

    private UserView view(UserEntity u) {
        List<String> memberOf = groups.findByMembersContaining(u).stream().map(GroupEntity::getName).sorted().toList();
        return new UserView(u.getName(), u.getUid(), u.getGid(), memberOf, u.getKerberosPrincipal(), u.getSid(),
                u.isEnabled(), u.getRole(), u.isMustChangePassword());
    }
}
