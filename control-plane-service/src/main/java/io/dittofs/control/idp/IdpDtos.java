package io.dittofs.control.idp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class IdpDtos {

    private IdpDtos() {
    }

    /** The bind password is write-only: views only say whether one is set. */
    public record IdpView(boolean ldapEnabled, String ldapUrl, String bindDn, boolean bindPasswordSet,
                          String userSearchBase, String groupSearchBase, String userNameAttribute, String uidAttribute,
                          String gidAttribute, String sidAttribute, String groupNameAttribute, String memberAttribute,
                          String adminGroup, int cacheTtlSeconds, String kerberosRealm, String keytabPath) {
    }

    public record UpdateIdp(
            Boolean ldapEnabled,
            @Pattern(regexp = "ldaps?://[^\\s/]+(:\\d{1,5})?/?", message = "must be an ldap:// or ldaps:// URL") String ldapUrl,
            @Size(max = 512) String bindDn,
            @Size(max = 512) String bindPassword,
            @Size(max = 512) String userSearchBase,
            @Size(max = 512) String groupSearchBase,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{0,63}") String userNameAttribute,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{0,63}") String uidAttribute,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{0,63}") String gidAttribute,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{0,63}") String sidAttribute,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{0,63}") String groupNameAttribute,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]{0,63}") String memberAttribute,
            @Size(max = 64) String adminGroup,
            @Min(0) @Max(86400) Integer cacheTtlSeconds,
            @Pattern(regexp = "[A-Z0-9.-]{1,255}", message = "must be an upper-case Kerberos realm") String kerberosRealm,
            @Size(max = 1024) String keytabPath) {
    }
}
