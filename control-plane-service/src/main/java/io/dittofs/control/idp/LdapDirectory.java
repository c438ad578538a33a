package io.dittofs.control.idp;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocketFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads users and groups from an LDAP or Active Directory server with the configured attribute
 * mapping, and checks passwords by binding as the user. One short-lived connection per lookup:
 * lookups are cached above this class, so connection reuse would buy little.
 */
public final class LdapDirectory {

    private static final int TIMEOUT_MS = 5000;

    private final LdapSettings s;

    public LdapDirectory(LdapSettings settings) {
        this.s = settings;
    }

    public Optional<DirectoryUser> user(String attribute, String value) {
        return withConnection(c -> {
            Optional<SearchResultEntry> e = findUserEntry(c, Filter.createEqualityFilter(attribute, value));
            return e.isEmpty() ? Optional.empty() : Optional.of(toUser(c, e.get()));
        });
    }

    public Optional<DirectoryGroup> group(String attribute, String value) {
        return withConnection(c -> {
            SearchResult r = c.search(s.groupBase(), SearchScope.SUB, Filter.createEqualityFilter(attribute, value),
                    s.groupNameAttr(), s.gidAttr(), s.sidAttr(), s.memberAttr());
            if (r.getEntryCount() != 1) {
                return Optional.empty();
            }
            SearchResultEntry e = r.getSearchEntries().getFirst();
            List<String> members = new ArrayList<>();
            String[] raw = e.getAttributeValues(s.memberAttr());
            if (raw != null) {
                for (String m : raw) {
                    members.add(memberName(m));
                }
            }
            return Optional.of(new DirectoryGroup(e.getAttributeValue(s.groupNameAttr()), number(e, s.gidAttr()),
                    sid(e), members, "ldap"));
        });
    }

    /** True when the user exists and the password binds; false for a wrong password or unknown user. */
    public boolean authenticate(String name, String password) {
        if (password == null || password.isEmpty()) {
            return false; // an empty password would be an anonymous bind, which always "succeeds"
        }
        Optional<String> dn = withConnection(c -> findUserEntry(c, Filter.createEqualityFilter(s.nameAttr(), name))
                .map(SearchResultEntry::getDN));
        if (dn.isEmpty()) {
            return false;
        }
        try (LDAPConnection c = connect()) {
            c.bind(dn.get(), password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new DirectoryUnavailableException("LDAP bind failed: " + e.getMessage(), e);
        }
    }

    private Optional<SearchResultEntry> findUserEntry(LDAPConnection c, Filter filter) throws LDAPException {
        SearchResult r = c.search(s.userBase(), SearchScope.SUB, filter,
                s.nameAttr(), s.uidAttr(), s.gidAttr(), s.sidAttr(), "krbPrincipalName", "userPrincipalName");
        return r.getEntryCount() == 1 ? Optional.of(r.getSearchEntries().getFirst()) : Optional.empty();
    }

    private DirectoryUser toUser(LDAPConnection c, SearchResultEntry e) throws LDAPException {
        String name = e.getAttributeValue(s.nameAttr());
        Filter memberOf = Filter.createORFilter(
                Filter.createEqualityFilter(s.memberAttr(), name),
                Filter.createEqualityFilter(s.memberAttr(), e.getDN()));
        SearchResult groups = c.search(s.groupBase(), SearchScope.SUB, memberOf, s.groupNameAttr(), s.gidAttr());
        List<Long> gids = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        for (SearchResultEntry g : groups.getSearchEntries()) {
            groupNames.add(g.getAttributeValue(s.groupNameAttr()));
            if (g.hasAttribute(s.gidAttr())) {
                gids.add(number(g, s.gidAttr()));
            }
        }
        String principal = e.getAttributeValue("krbPrincipalName");
        if (principal == null) {
            principal = e.getAttributeValue("userPrincipalName");
        }
        return new DirectoryUser(name, number(e, s.uidAttr()), number(e, s.gidAttr()), gids, sid(e), principal, true,
                "ldap", groupNames);
    }

    private String sid(SearchResultEntry e) {
        Attribute a = e.getAttribute(s.sidAttr());
        if (a == null) {
            return "";
        }
        byte[] raw = a.getValueByteArray();
        // Active Directory's objectSid is binary; OpenLDAP's sambaSID is text
        return raw.length >= 8 && raw[0] == 1 ? BinarySids.decode(raw) : a.getValue();
    }

    private static long number(SearchResultEntry e, String attribute) {
        String v = e.getAttributeValue(attribute);
        if (v == null) {
            throw new DirectoryUnavailableException("LDAP entry " + e.getDN() + " has no " + attribute, null);
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            throw new DirectoryUnavailableException("LDAP entry " + e.getDN() + " has a non-numeric " + attribute, ex);
        }
    }

    /** memberUid holds names; member/uniqueMember hold DNs whose first RDN value is the name. */
    private static String memberName(String value) {
        if (!value.contains("=")) {
            return value;
        }
        String first = value.split(",", 2)[0];
        return first.substring(first.indexOf('=') + 1);
    }

    /** ldaps:// connects over TLS, checked against the JVM's trust store and the server's host name. */
    private LDAPConnection connect() throws LDAPException {
        LDAPURL url = new LDAPURL(s.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(TIMEOUT_MS);
        options.setResponseTimeoutMillis(TIMEOUT_MS);
        if (!"ldaps".equalsIgnoreCase(url.getScheme())) {
            return new LDAPConnection(options, url.getHost(), url.getPort());
        }
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
        try {
            SSLSocketFactory tls = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
            return new LDAPConnection(tls, options, url.getHost(), url.getPort());
        } catch (GeneralSecurityException e) {
            throw new DirectoryUnavailableException("cannot set up TLS for " + s.url() + ": " + e.getMessage(), e);
        }
    }

    private <T> Optional<T> withConnection(LdapCall<T> call) {
        try (LDAPConnection c = connect()) {
            if (s.bindDn() != null && !s.bindDn().isEmpty()) {
                c.bind(s.bindDn(), s.bindPassword());
            }
            return call.run(c);
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException("LDAP lookup failed at " + s.url() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface LdapCall<T> {
        Optional<T> run(LDAPConnection c) throws LDAPException;
    }
}
