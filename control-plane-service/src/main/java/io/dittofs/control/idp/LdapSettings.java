package io.dittofs.control.idp;

/** An immutable copy of the LDAP part of the identity-provider configuration. */
public record LdapSettings(String url, String bindDn, String bindPassword, String userBase, String groupBase,
                           String nameAttr, String uidAttr, String gidAttr, String sidAttr, String groupNameAttr,
                           String memberAttr, String adminGroup, int cacheTtlSeconds) {

    static LdapSettings of(IdentityProviderEntity e) {
        return new LdapSettings(e.getLdapUrl(), e.getBindDn(), e.getBindPassword(), e.getUserSearchBase(),
                e.getGroupSearchBase(), e.getUserNameAttribute(), e.getUidAttribute(), e.getGidAttribute(),
                e.getSidAttribute(), e.getGroupNameAttribute(), e.getMemberAttribute(), e.getAdminGroup(),
                e.getCacheTtlSeconds());
    }
}
