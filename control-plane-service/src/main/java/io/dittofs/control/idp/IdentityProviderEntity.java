package io.dittofs.control.idp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single identity-provider configuration row (id 1). The bind password is write-only in the API. */
@Entity
@Table(name = "dfs_identity_provider")
public class IdentityProviderEntity {

    public static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;
    private boolean ldapEnabled;
    private String ldapUrl;
    private String bindDn;
    private String bindPassword;
    private String userSearchBase;
    private String groupSearchBase;
    private String userNameAttribute = "uid";
    private String uidAttribute = "uidNumber";
    private String gidAttribute = "gidNumber";
    private String sidAttribute = "sambaSID";
    private String groupNameAttribute = "cn";
    private String memberAttribute = "memberUid";
    private String adminGroup;
    private int cacheTtlSeconds = 300;
    private String kerberosRealm;
    private String keytabPath;
    @Version
    private long version;

    public IdentityProviderEntity() {
    }

    public boolean isLdapEnabled() { return ldapEnabled; }
    public void setLdapEnabled(boolean ldapEnabled) { this.ldapEnabled = ldapEnabled; }
    public String getLdapUrl() { return ldapUrl; }
    public void setLdapUrl(String ldapUrl) { this.ldapUrl = ldapUrl; }
    public String getBindDn() { return bindDn; }
    public void setBindDn(String bindDn) { this.bindDn = bindDn; }
    public String getBindPassword() { return bindPassword; }
    public void setBindPassword(String bindPassword) { this.bindPassword = bindPassword; }
    public String getUserSearchBase() { return userSearchBase; }
    public void setUserSearchBase(String v) { this.userSearchBase = v; }
    public String getGroupSearchBase() { return groupSearchBase; }
    public void setGroupSearchBase(String v) { this.groupSearchBase = v; }
    public String getUserNameAttribute() { return userNameAttribute; }
    public void setUserNameAttribute(String v) { this.userNameAttribute = v; }
    public String getUidAttribute() { return uidAttribute; }
    public void setUidAttribute(String v) { this.uidAttribute = v; }
    public String getGidAttribute() { return gidAttribute; }
    public void setGidAttribute(String v) { this.gidAttribute = v; }
    public String getSidAttribute() { return sidAttribute; }
    public void setSidAttribute(String v) { this.sidAttribute = v; }
    public String getGroupNameAttribute() { return groupNameAttribute; }
    public void setGroupNameAttribute(String v) { this.groupNameAttribute = v; }
    public String getMemberAttribute() { return memberAttribute; }
    public void setMemberAttribute(String v) { this.memberAttribute = v; }
    public String getAdminGroup() { return adminGroup; }
    public void setAdminGroup(String adminGroup) { this.adminGroup = adminGroup; }
    public int getCacheTtlSeconds() { return cacheTtlSeconds; }
    public void setCacheTtlSeconds(int v) { this.cacheTtlSeconds = v; }
    public String getKerberosRealm() { return kerberosRealm; }
    public void setKerberosRealm(String v) { this.kerberosRealm = v; }
    public String getKeytabPath() { return keytabPath; }
    public void setKeytabPath(String v) { this.keytabPath = v; }
}
