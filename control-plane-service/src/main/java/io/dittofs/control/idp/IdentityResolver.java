package io.dittofs.control.idp;

import io.dittofs.control.groups.GroupEntity;
import io.dittofs.control.groups.GroupRepository;
import io.dittofs.control.users.UserEntity;
import io.dittofs.control.users.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves users and groups by name, uid/gid or SID: local definitions win, then the LDAP directory
 * (when configured), whose answers — found or not — are cached for the configured TTL.
 */
public class IdentityResolver {

    private final UserRepository users;
    private final GroupRepository groups;
    private final IdentityProviderRepository config;
    private final Clock clock;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    public IdentityResolver(UserRepository users, GroupRepository groups, IdentityProviderRepository config, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.config = config;
        this.clock = clock;
    }

    private record Cached<T>(Optional<T> value, Instant expires) {
    }

    public void invalidate() {
        cache.clear();
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryUser> userByName(String name) {
        return users.findByName(name).map(this::local).or(() -> ldapUser("user:name:" + name, s -> s.nameAttr(), name));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryUser> userByUid(long uid) {
        return users.findByUid(uid).map(this::local).or(() -> ldapUser("user:uid:" + uid, LdapSettings::uidAttr, Long.toString(uid)));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryUser> userBySid(String sid) {
        return users.findBySid(sid).map(this::local).or(() -> ldapUser("user:sid:" + sid, LdapSettings::sidAttr, sid));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryUser> userByPrincipal(String principal) {
        return users.findByKerberosPrincipal(principal).map(this::local)
                .or(() -> ldapUser("user:krb:" + principal, s -> "krbPrincipalName", principal));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryGroup> groupByName(String name) {
        return groups.findByName(name).map(IdentityResolver::local).or(() -> ldapGroup("group:name:" + name, LdapSettings::groupNameAttr, name));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryGroup> groupByGid(long gid) {
        return groups.findByGid(gid).map(IdentityResolver::local).or(() -> ldapGroup("group:gid:" + gid, LdapSettings::gidAttr, Long.toString(gid)));
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryGroup> groupBySid(String sid) {
        return groups.findBySid(sid).map(IdentityResolver::local).or(() -> ldapGroup("group:sid:" + sid, LdapSettings::sidAttr, sid));
    }

    /** The LDAP directory when one is configured and enabled. */
    @Transactional(readOnly = true)
    public Optional<LdapDirectory> ldap() {
        return ldapSettings().map(LdapDirectory::new);
    }

    @Transactional(readOnly = true)
    public Optional<LdapSettings> ldapSettings() {
        return config.findById(IdentityProviderEntity.SINGLETON_ID)
                .filter(IdentityProviderEntity::isLdapEnabled)
                .map(LdapSettings::of);
    }

    private Optional<DirectoryUser> ldapUser(String key, java.util.function.Function<LdapSettings, String> attr, String value) {
        return ldapSettings().flatMap(s -> cached(key, s.cacheTtlSeconds(), () -> new LdapDirectory(s).user(attr.apply(s), value)));
    }

    private Optional<DirectoryGroup> ldapGroup(String key, java.util.function.Function<LdapSettings, String> attr, String value) {
        return ldapSettings().flatMap(s -> cached(key, s.cacheTtlSeconds(), () -> new LdapDirectory(s).group(attr.apply(s), value)));
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, int ttlSeconds, Supplier<Optional<T>> load) {
        Instant now = clock.instant();
        Cached<?> hit = cache.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return (Optional<T>) hit.value();
        }
        Optional<T> value = load.get();
        cache.put(key, new Cached<>(value, now.plusSeconds(ttlSeconds)));
        return value;
    }

    private DirectoryUser local(UserEntity u) {
        List<GroupEntity> memberOf = groups.findByMembersContaining(u);
        return new DirectoryUser(u.getName(), u.getUid(), u.getGid(), memberOf.stream().map(GroupEntity::getGid).toList(),
                u.getSid(), u.getKerberosPrincipal(), u.isEnabled(), "local",
                memberOf.stream().map(GroupEntity::getName).toList());
    }

    private static DirectoryGroup local(GroupEntity g) {
        return new DirectoryGroup(g.getName(), g.getGid(), g.getSid(),
                g.getMembers().stream().map(UserEntity::getName).sorted().toList(), "local");
    }
}
