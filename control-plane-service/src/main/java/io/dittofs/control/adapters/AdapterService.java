package io.dittofs.control.adapters;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.control.adapters.AdapterDtos.AdapterView;
import io.dittofs.control.adapters.AdapterDtos.CreateAdapter;
import io.dittofs.control.adapters.AdapterDtos.UpdateAdapter;
import io.dittofs.control.api.ApiException;
import io.dittofs.control.watch.ConfigChangeLog;
import io.dittofs.control.watch.ProtoMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protocol adapters of the gateway: nfs (seeded on first start) and smb (added when the gateway
 * reports its SMB listener). Their settings are the gateway's start-up settings: changes a running
 * gateway would not apply (port, versions, enabling, deleting) are refused with 400 naming the field
 * rather than stored and ignored.
 */
public class AdapterService {

    static final List<String> NFS_VERSIONS = List.of("3", "4.0", "4.1", "4.2");
    static final List<String> SMB_VERSIONS = List.of("2.0.2", "2.1", "3.0", "3.0.2", "3.1.1");

    private static final Logger log = LoggerFactory.getLogger(AdapterService.class);

    private final AdapterRepository adapters;
    private final ConfigChangeLog changes;
    private final RunningListeners running;

    public AdapterService(AdapterRepository adapters, ConfigChangeLog changes, RunningListeners running) {
        this.adapters = adapters;
        this.changes = changes;
        this.running = running;
    }

    /**
     * The embedding process reports the sockets its gateway bound. Its own settings decide them
     * (e.g. DITTOFS_NFS_PORT), so the stored configuration is brought in line and the API shows
     * what runs rather than the first start's defaults.
     */
    @Transactional
    public void reportListening(String kind, RunningListeners.Listening listening) {
        reportListening(kind, listening, null, null);
    }

    /**
     * As {@link #reportListening(String, RunningListeners.Listening)}, with the version range the
     * gateway serves (e.g. DITTOFS_NFS_MAX_VERSION); null leaves the stored range alone.
     */
    @Transactional
    public void reportListening(String kind, RunningListeners.Listening listening, String minVersion,
                                String maxVersion) {
        running.put(kind, listening);
        if (!adapters.existsById(kind)) {
            // a listener the gateway really runs is an adapter (e.g. SMB on a suite seeded before it existed)
            AdapterEntity a = new AdapterEntity(kind);
            a.setEnabled(true);
            a.setPort(listening.port());
            a.setPortmapPort(listening.portmapPort());
            List<String> versions = versions(kind);
            a.setMinVersion(minVersion != null ? minVersion : versions.getFirst());
            a.setMaxVersion(maxVersion != null ? maxVersion : versions.getLast());
            a.setLeaseSeconds(90);
            a.setGraceSeconds(90);
            log.info("adapter {}: the gateway listens on {}:{} (added)", kind, listening.address(), listening.port());
            saveAndAnnounce(a, versions);
            return;
        }
        adapters.findById(kind).ifPresent(a -> {
            boolean versionsDiffer = minVersion != null && maxVersion != null
                    && (!minVersion.equals(a.getMinVersion()) || !maxVersion.equals(a.getMaxVersion()));
            if (a.getPort() != listening.port() || a.getPortmapPort() != listening.portmapPort() || !a.isEnabled()
                    || versionsDiffer) {
                log.info("adapter {}: configuration said port {} portmapper {} versions {}..{}; the gateway listens on"
                        + " {}:{} portmapper {} versions {}..{} (updated)", kind, a.getPort(), a.getPortmapPort(),
                        a.getMinVersion(), a.getMaxVersion(), listening.address(), listening.port(),
                        listening.portmapPort(), minVersion, maxVersion);
                a.setEnabled(true);
                a.setPort(listening.port());
                a.setPortmapPort(listening.portmapPort());
                if (versionsDiffer) {
                    a.setMinVersion(minVersion);
                    a.setMaxVersion(maxVersion);
                }
                saveAndAnnounce(a, versions(kind));
            }
        });
    }

    @Transactional(readOnly = true)
    public List<AdapterView> list() {
        return adapters.findAllByOrderByKindAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public AdapterView get(String kind) {
        return view(find(kind));
    }

    @Transactional
    public AdapterView create(CreateAdapter r) {
        List<String> versions = versions(r.kind());
        if (!r.kind().equals("nfs")) {
            throw notLive("kind", "the " + r.kind() + " adapter appears by itself when the gateway's listener runs"
                    + " (dittofs.smb.enabled, dittofs.smb.port); it is not created through the API");
        }
        if (adapters.existsById(r.kind())) {
            throw ApiException.conflict("kind", "adapter '" + r.kind() + "' already exists");
        }
        AdapterEntity a = new AdapterEntity(r.kind());
        boolean nfs = r.kind().equals("nfs");
        a.setEnabled(r.enabled() == null || r.enabled());
        a.setPort(r.port() != null ? r.port() : nfs ? 2049 : 445);
        a.setMinVersion(r.minVersion() != null ? r.minVersion() : versions.getFirst());
        a.setMaxVersion(r.maxVersion() != null ? r.maxVersion() : versions.getLast());
        a.setLeaseSeconds(r.leaseSeconds() != null ? r.leaseSeconds() : 90);
        a.setGraceSeconds(r.graceSeconds() != null ? r.graceSeconds() : 90);
        a.setPortmapPort(r.portmapPort() != null ? r.portmapPort() : nfs ? 111 : 0);
        return saveAndAnnounce(a, versions);
    }

    @Transactional
    public AdapterView update(String kind, UpdateAdapter r) {
        AdapterEntity a = find(kind);
        AdapterView before = view(a);
        if (r.enabled() != null) a.setEnabled(r.enabled());
        if (r.port() != null) a.setPort(r.port());
        if (r.minVersion() != null) a.setMinVersion(r.minVersion());
        if (r.maxVersion() != null) a.setMaxVersion(r.maxVersion());
        if (r.leaseSeconds() != null) a.setLeaseSeconds(r.leaseSeconds());
        if (r.graceSeconds() != null) a.setGraceSeconds(r.graceSeconds());
        if (r.portmapPort() != null) a.setPortmapPort(r.portmapPort());
        List<String> versions = versions(kind);
        validate(a, versions);
        refuseLiveChange(kind, before, view(a));
        return saveAndAnnounce(a, versions);
    }

    /**
     * The gateway reads its listeners' settings (dittofs.nfs.*) at start and does not yet restart a
     * listener on an adapter event, so a change the API stored would be silently ignored: refuse
     * it, naming the field. Repeating the current values is accepted.
     */
    private static void refuseLiveChange(String kind, AdapterView before, AdapterView after) {
        String field = !before.enabled() == after.enabled() ? "enabled"
                : before.port() != after.port() ? "port"
                : !before.minVersion().equals(after.minVersion()) ? "minVersion"
                : !before.maxVersion().equals(after.maxVersion()) ? "maxVersion"
                : before.leaseSeconds() != after.leaseSeconds() ? "leaseSeconds"
                : before.graceSeconds() != after.graceSeconds() ? "graceSeconds"
                : before.portmapPort() != after.portmapPort() ? "portmapPort" : null;
        if (field != null) {
            throw notLive(field, "adapter changes are not applied to a running gateway yet; set the listener with"
                    + " dittofs." + kind + ".* on the gateway and restart it");
        }
    }

    private static ApiException notLive(String field, String detail) {
        return new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "unsupported-field", detail, field);
    }

    @Transactional
    public void delete(String kind) {
        find(kind);
        // announcing it as disabled would be ignored: the gateway does not stop listeners live yet
        throw notLive("kind", "deleting an adapter does not stop a running gateway's listener yet; stop the gateway instead");
    }

    private AdapterView saveAndAnnounce(AdapterEntity a, List<String> versions) {
        validate(a, versions);
        adapters.saveAndFlush(a);
        changes.record(ConfigEvent.newBuilder().setAdapterUpserted(ProtoMapper.adapter(a)));
        return view(a);
    }

    private static void validate(AdapterEntity a, List<String> versions) {
        int min = versions.indexOf(a.getMinVersion());
        int max = versions.indexOf(a.getMaxVersion());
        if (min < 0) {
            throw ApiException.invalid("minVersion", "version must be one of " + versions);
        }
        if (max < 0) {
            throw ApiException.invalid("maxVersion", "version must be one of " + versions);
        }
        if (min > max) {
            throw ApiException.invalid("minVersion", "minVersion is newer than maxVersion");
        }
    }

    private static List<String> versions(String kind) {
        return switch (kind) {
            case "nfs" -> NFS_VERSIONS;
            case "smb" -> SMB_VERSIONS;
            default -> throw ApiException.invalid("kind", "adapter kind must be nfs or smb");
        };
    }

    private AdapterEntity find(String kind) {
        return adapters.findById(kind).orElseThrow(() -> ApiException.notFound("adapter", kind));
    }

    private AdapterView view(AdapterEntity a) {
        return new AdapterView(a.getKind(), a.isEnabled(), a.getPort(), a.getMinVersion(), a.getMaxVersion(),
                a.getLeaseSeconds(), a.getGraceSeconds(), a.getPortmapPort(), running.get(a.getKind()).orElse(null));
    }
}
