package io.dittofs.control.idp;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.idp.IdpDtos.IdpView;
import io.dittofs.control.idp.IdpDtos.UpdateIdp;
import java.util.function.Consumer;
import org.springframework.transaction.annotation.Transactional;

/** Identity-provider configuration (one row); every change drops the directory cache. */
public class IdpService {

    private final IdentityProviderRepository repo;
    private final IdentityResolver resolver;

    public IdpService(IdentityProviderRepository repo, IdentityResolver resolver) {
        this.repo = repo;
        this.resolver = resolver;
    }

    @Transactional(readOnly = true)
    public IdpView get() {
        return view(repo.findById(IdentityProviderEntity.SINGLETON_ID).orElseGet(IdentityProviderEntity::new));
    }

    @Transactional
    public IdpView update(UpdateIdp r) {
        IdentityProviderEntity e = repo.findById(IdentityProviderEntity.SINGLETON_ID).orElseGet(IdentityProviderEntity::new);
        set(r.ldapEnabled(), e::setLdapEnabled);
        set(r.ldapUrl(), e::setLdapUrl);
        set(r.bindDn(), e::setBindDn);
        set(r.bindPassword(), e::setBindPassword);
        set(r.userSearchBase(), e::setUserSearchBase);
        set(r.groupSearchBase(), e::setGroupSearchBase);
        set(r.userNameAttribute(), e::setUserNameAttribute);
        set(r.uidAttribute(), e::setUidAttribute);
        set(r.gidAttribute(), e::setGidAttribute);
        set(r.sidAttribute(), e::setSidAttribute);
        set(r.groupNameAttribute(), e::setGroupNameAttribute);
        set(r.memberAttribute(), e::setMemberAttribute);
        set(r.adminGroup(), e::setAdminGroup);
        set(r.cacheTtlSeconds(), e::setCacheTtlSeconds);
        set(r.kerberosRealm(), e::setKerberosRealm);
        set(r.keytabPath(), e::setKeytabPath);
        if (e.isLdapEnabled()) {
            if (e.getLdapUrl() == null) {
                throw ApiException.invalid("ldapUrl", "LDAP needs a URL");
            }
            if (e.getUserSearchBase() == null) {
                throw ApiException.invalid("userSearchBase", "LDAP needs a user search base");
            }
            if (e.getGroupSearchBase() == null) {
                throw ApiException.invalid("groupSearchBase", "LDAP needs a group search base");
            }
        }
        repo.saveAndFlush(e);
        resolver.invalidate();
        return view(e);
    }

    @Transactional
    public void delete() {
        repo.findById(IdentityProviderEntity.SINGLETON_ID).ifPresent(repo::delete);
        resolver.invalidate();
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static IdpView view(IdentityProviderEntity e) {
        return new IdpView(e.isLdapEnabled(), e.getLdapUrl(), e.getBindDn(), e.getBindPassword() != null,
                e.getUserSearchBase(), e.getGroupSearchBase(), e.getUserNameAttribute(), e.getUidAttribute(),
                e.getGidAttribute(), e.getSidAttribute(), e.getGroupNameAttribute(), e.getMemberAttribute(),
                e.getAdminGroup(), e.getCacheTtlSeconds(), e.getKerberosRealm(), e.getKeytabPath());
    }
}
