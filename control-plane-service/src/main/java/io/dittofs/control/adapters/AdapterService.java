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
 * Protocol adapters of the gateway. The watch contract has no adapter deletion event, so deleting
 * an adapter announces it once more as disabled: a gateway then stops that listener.
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
        running.put(kind, listening);
        adapters.findById(kind).ifPresent(a -> {
            if (a.getPort() != listening.port() || a.getPortmapPort() != listening.portmapPort() || !a.isEnabled()) {
                log.info("adapter {}: configuration said port {} portmapper {}; the gateway listens on {}:{} portmapper {}"
                        + " (updated)", kind, a.getPort(), a.getPortmapPort(), listening.address(), listening.port(),
                        listening.portmapPort());
                a.setEnabled(true);
                a.setPort(listening.port());
                a.setPortmapPort(listening.portmapPort());
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
        if (r.enabled() != null) a.setEnabled(r.enabled());
        if (r.port() != null) a.setPort(r.port());
        if (r.minVersion() != null) a.setMinVersion(r.minVersion());
        if (r.maxVersion() != null) a.setMaxVersion(r.maxVersion());
        if (r.leaseSeconds() != null) a.setLeaseSeconds(r.leaseSeconds());
        if (r.graceSeconds() != null) a.setGraceSeconds(r.graceSeconds());
        if (r.portmapPort() != null) a.setPortmapPort(r.portmapPort());
        return saveAndAnnounce(a, versions(kind));
    }

    @Transactional
    public void delete(String kind) {
        AdapterEntity a = find(kind);
        a.setEnabled(false);
        changes.record(ConfigEvent.newBuilder().setAdapterUpserted(ProtoMapper.adapter(a)));
        adapters.delete(a);
    }

    private AdapterView saveAndAnnounce(AdapterEntity a, List<String> versions) {
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
        adapters.saveAndFlush(a);
        changes.record(ConfigEvent.newBuilder().setAdapterUpserted(ProtoMapper.adapter(a)));
        return view(a);
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
