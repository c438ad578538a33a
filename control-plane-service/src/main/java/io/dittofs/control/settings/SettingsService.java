package io.dittofs.control.settings;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.users.Sids;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;

/** Global settings: free-form dotted names with string values, replaced as one transaction. */
public class SettingsService {

    public static final String DOMAIN_SID = "smb.domain-sid";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

    private final SettingRepository settings;

    public SettingsService(SettingRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.findAllByOrderByNameAsc().forEach(s -> out.put(s.getName(), s.getValue()));
        return out;
    }

    @Transactional
    public Map<String, String> update(Map<String, String> changes) {
        changes.forEach((name, value) -> {
            if (name == null || name.length() > 128 || !NAME.matcher(name).matches()) {
                throw ApiException.invalid(name, "setting names are lower-case dotted words, e.g. nfs.domain");
            }
            if (DOMAIN_SID.equals(name) && value != null && !Sids.valid(value)) {
                throw ApiException.invalid(name, "not a SID");
            }
        });
        changes.forEach((name, value) -> {
            if (value == null) {
                settings.deleteById(name);
            } else {
                settings.findById(name).ifPresentOrElse(s -> s.setValue(value), () -> settings.save(new SettingEntity(name, value)));
            }
        });
        return all();
    }

    /** The installation's domain SID, created on first use. */
    @Transactional
    public String domainSid() {
        return settings.findById(DOMAIN_SID).map(SettingEntity::getValue)
                .orElseGet(() -> settings.save(new SettingEntity(DOMAIN_SID, Sids.newDomainSid(new SecureRandom()))).getValue());
    }
}
