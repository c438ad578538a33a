package io.dittofs.control.stores;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.control.api.ApiException;
import io.dittofs.control.shares.ShareRepository;
import io.dittofs.control.stores.StoreDtos.CreateStore;
import io.dittofs.control.stores.StoreDtos.StoreView;
import io.dittofs.control.stores.StoreDtos.UpdateStore;
import io.dittofs.control.watch.ConfigChangeLog;
import io.dittofs.control.watch.ProtoMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named metadata and block store definitions. Settings whose names mention a secret or password are
 * refused: credentials belong to the storage service's own environment, never to the watch stream.
 */
public class StoreService {

    private static final Pattern METADATA_KINDS = Pattern.compile("memory|rocksdb|postgres");
    private static final Pattern BLOCK_KINDS = Pattern.compile("(fs|memory)(\\+(s3|memory))?");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|credential).*");

    private final StoreRepository stores;
    private final ShareRepository shares;
    private final ConfigChangeLog changes;

    public StoreService(StoreRepository stores, ShareRepository shares, ConfigChangeLog changes) {
        this.stores = stores;
        this.shares = shares;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<StoreView> list(StoreRole role) {
        return stores.findByRoleOrderByNameAsc(role).stream().map(StoreService::view).toList();
    }

    @Transactional(readOnly = true)
    public StoreView get(StoreRole role, String name) {
        return view(find(role, name));
    }

    @Transactional
    public StoreView create(StoreRole role, CreateStore req) {
        if (stores.existsByRoleAndName(role, req.name())) {
            throw ApiException.conflict("name", role.name().toLowerCase() + " store '" + req.name() + "' already exists");
        }
        checkKind(role, req.kind());
        StoreEntity s = new StoreEntity(role, req.name(), req.kind());
        s.getSettings().putAll(checkSettings(req.settings()));
        stores.saveAndFlush(s);
        announce(s);
        return view(s);
    }

    @Transactional
    public StoreView update(StoreRole role, String name, UpdateStore req) {
        StoreEntity s = find(role, name);
        if (req.kind() != null) {
            checkKind(role, req.kind());
            s.setKind(req.kind());
        }
        if (req.settings() != null) {
            Map<String, String> checked = checkSettings(req.settings());
            s.getSettings().clear();
            s.getSettings().putAll(checked);
        }
        stores.saveAndFlush(s);
        announce(s);
        return view(s);
    }

    @Transactional
    public void delete(StoreRole role, String name) {
        StoreEntity s = find(role, name);
        if (shares.existsByMetadataStoreOrBlockStore(s, s)) {
            throw ApiException.conflict("name", "store '" + name + "' is used by a share");
        }
        stores.delete(s);
    }

    public StoreEntity find(StoreRole role, String name) {
        return stores.findByRoleAndName(role, name)
                .orElseThrow(() -> ApiException.notFound(role.name().toLowerCase() + " store", name));
    }

    private void announce(StoreEntity s) {
        ConfigEvent.Builder e = ConfigEvent.newBuilder();
        if (s.getRole() == StoreRole.METADATA) {
            e.setMetadataStoreUpserted(ProtoMapper.store(s));
        } else {
            e.setBlockStoreUpserted(ProtoMapper.store(s));
        }
        changes.record(e);
    }

    private static void checkKind(StoreRole role, String kind) {
        Pattern allowed = role == StoreRole.METADATA ? METADATA_KINDS : BLOCK_KINDS;
        if (!allowed.matcher(kind).matches()) {
            throw ApiException.invalid("kind", role == StoreRole.METADATA
                    ? "metadata store kind must be memory, rocksdb or postgres"
                    : "block store kind must be fs or memory, optionally +s3 or +memory for the remote tier");
        }
    }

    private static Map<String, String> checkSettings(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        if (settings == null) {
            return out;
        }
        settings.forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > 128) {
                throw ApiException.invalid("settings", "setting names must be 1 to 128 characters");
            }
            if (SECRET_NAME.matcher(k).matches()) {
                throw ApiException.invalid("settings." + k, "secrets are not stored in store definitions; give them to the storage service's environment");
            }
            if (v == null || v.length() > 4000) {
                throw ApiException.invalid("settings." + k, "setting values must be at most 4000 characters");
            }
            out.put(k, v);
        });
        return out;
    }

    private static StoreView view(StoreEntity s) {
        return new StoreView(s.getName(), s.getKind(), new TreeMap<>(s.getSettings()));
    }
}
