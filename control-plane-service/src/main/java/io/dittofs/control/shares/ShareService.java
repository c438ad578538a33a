package io.dittofs.control.shares;

import io.dittofs.contracts.control.v1.ConfigEvent;
import io.dittofs.control.api.ApiException;
import io.dittofs.control.groups.GroupEntity;
import io.dittofs.control.groups.GroupRepository;
import io.dittofs.control.namespace.ShareNamespaces;
import io.dittofs.control.shares.ShareDtos.CreateShare;
import io.dittofs.control.shares.ShareDtos.Grant;
import io.dittofs.control.shares.ShareDtos.GrantView;
import io.dittofs.control.shares.ShareDtos.Protocol;
import io.dittofs.control.shares.ShareDtos.ShareView;
import io.dittofs.control.shares.ShareDtos.UpdateShare;
import io.dittofs.control.stores.StoreEntity;
import io.dittofs.control.stores.StoreRepository;
import io.dittofs.control.stores.StoreRole;
import io.dittofs.control.users.UserEntity;
import io.dittofs.control.users.UserRepository;
import io.dittofs.control.watch.ConfigChangeLog;
import io.dittofs.control.watch.ProtoMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/** Shares with their export rules and per-user/group permissions; each change emits share_upserted. */
public class ShareService {

    private final ShareRepository shares;
    private final StoreRepository stores;
    private final UserRepository users;
    private final GroupRepository groups;
    private final ConfigChangeLog changes;
    private final ShareNamespaces namespaces;

    public ShareService(ShareRepository shares, StoreRepository stores, UserRepository users, GroupRepository groups,
                        ConfigChangeLog changes, ShareNamespaces namespaces) {
        this.shares = shares;
        this.stores = stores;
        this.users = users;
        this.groups = groups;
        this.changes = changes;
        this.namespaces = namespaces;
    }

    /** Every share's id and name, for the namespace reconciler at start-up. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> ids() {
        java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
        shares.findAll().forEach(s -> out.put(s.getId(), s.getName()));
        return out;
    }

    @Transactional(readOnly = true)
    public List<ShareView> list() {
        return shares.findAllByOrderByNameAsc().stream().map(ShareService::view).toList();
    }

    @Transactional(readOnly = true)
    public ShareView get(String name) {
        return view(find(name));
    }

    @Transactional
    public ShareView create(CreateShare r) {
        ShareSupport.check(r.metadataStore(), r.blockStore(), r.protocols(), r.smbEncryptionRequired(), r.guestAllowed());
        if (shares.existsByName(r.name())) {
            throw ApiException.conflict("name", "share '" + r.name() + "' already exists");
        }
        String path = ExportPaths.normalize(r.exportPath() != null ? r.exportPath() : "/" + r.name());
        if (shares.existsByExportPath(path)) {
            throw ApiException.conflict("exportPath", "export path " + path + " is already used");
        }
        ShareEntity s = new ShareEntity(r.name());
        s.setExportPath(path);
        s.setMetadataStore(store(StoreRole.METADATA, r.metadataStore() != null ? r.metadataStore() : "default", "metadataStore"));
        s.setBlockStore(store(StoreRole.BLOCK, r.blockStore() != null ? r.blockStore() : "default", "blockStore"));
        // the gateway serves NFS and SMB by default: a new share is reachable over both unless it says otherwise
        s.setNfsEnabled(true);
        s.setSmbEnabled(true);
        apply(s, r.readOnly(), r.squash(), r.anonymousUid(), r.anonymousGid(), r.allowedNetworks(), r.protocols(),
                r.smbEncryptionRequired(), r.guestAllowed(), r.defaultPermission());
        ShareView view = saveAndAnnounce(s);
        ShareNamespaces.shareId(s.getId());
        namespaces.created(s.getId(), s.getName());
        return view;
    }

    @Transactional
    public ShareView update(String name, UpdateShare r) {
        ShareSupport.check(r.metadataStore(), r.blockStore(), r.protocols(), r.smbEncryptionRequired(), r.guestAllowed());
        ShareEntity s = find(name);
        String exportPath = r.exportPath() == null ? null : ExportPaths.normalize(r.exportPath());
        if (exportPath != null && !exportPath.equals(s.getExportPath())) {
            if (shares.existsByExportPath(exportPath)) {
                throw ApiException.conflict("exportPath", "export path " + exportPath + " is already used");
            }
            s.setExportPath(exportPath);
        }
        if (r.metadataStore() != null) {
            s.setMetadataStore(store(StoreRole.METADATA, r.metadataStore(), "metadataStore"));
        }
        if (r.blockStore() != null) {
            s.setBlockStore(store(StoreRole.BLOCK, r.blockStore(), "blockStore"));
        }
        apply(s, r.readOnly(), r.squash(), r.anonymousUid(), r.anonymousGid(), r.allowedNetworks(), r.protocols(),
                r.smbEncryptionRequired(), r.guestAllowed(), r.defaultPermission());
        return saveAndAnnounce(s);
    }

    @Transactional
    public void delete(String name) {
        ShareEntity s = find(name);
        // the namespace goes first: if the metadata-service cannot delete it, the share stays (503)
        namespaces.deleted(s.getId(), name);
        shares.delete(s);
        shares.flush();
        changes.record(ConfigEvent.newBuilder().setShareDeleted(name));
    }

    @Transactional
    public ShareView grant(String name, Grant g) {
        ShareEntity s = find(name);
        if ((g.user() == null) == (g.group() == null)) {
            throw ApiException.invalid(g.user() == null ? "user" : "group", "name exactly one of user or group");
        }
        if (g.user() != null) {
            UserEntity u = users.findByName(g.user()).orElseThrow(() -> ApiException.invalid("user", "user '" + g.user() + "' does not exist"));
            s.getPermissions().stream().filter(p -> p.getUser() == u).findFirst()
                    .ifPresentOrElse(p -> p.setPermission(g.permission()),
                            () -> s.getPermissions().add(new SharePermissionEntity(s, u, null, g.permission())));
        } else {
            GroupEntity gr = groups.findByName(g.group()).orElseThrow(() -> ApiException.invalid("group", "group '" + g.group() + "' does not exist"));
            s.getPermissions().stream().filter(p -> p.getGroup() == gr).findFirst()
                    .ifPresentOrElse(p -> p.setPermission(g.permission()),
                            () -> s.getPermissions().add(new SharePermissionEntity(s, null, gr, g.permission())));
        }
        return saveAndAnnounce(s);
    }

    @Transactional
    public ShareView revoke(String name, String user, String group) {
        ShareEntity s = find(name);
        boolean removed = s.getPermissions().removeIf(p ->
                (user != null && p.getUser() != null && p.getUser().getName().equals(user))
                        || (group != null && p.getGroup() != null && p.getGroup().getName().equals(group)));
        if (!removed) {
            throw ApiException.notFound("permission on share " + name + " for", user != null ? user : group);
        }
        return saveAndAnnounce(s);
    }

    /** Drops a user's or group's grants before it is deleted; called inside that deletion's transaction. */
    @Transactional
    public void forget(UserEntity user, GroupEntity group) {
        for (ShareEntity s : shares.findAll()) {
            if (s.getPermissions().removeIf(p -> (user != null && p.getUser() == user) || (group != null && p.getGroup() == group))) {
                saveAndAnnounce(s);
            }
        }
    }

    private ShareView saveAndAnnounce(ShareEntity s) {
        shares.saveAndFlush(s);
        changes.record(ConfigEvent.newBuilder().setShareUpserted(ProtoMapper.share(s)));
        return view(s);
    }

    private void apply(ShareEntity s, Boolean readOnly, Squash squash, Long anonUid, Long anonGid, List<String> networks,
                       List<Protocol> protocols, Boolean encrypt, Boolean guest, Permission defaultPermission) {
        if (readOnly != null) s.setReadOnly(readOnly);
        if (squash != null) s.setSquash(squash);
        if (anonUid != null) s.setAnonymousUid(anonUid);
        if (anonGid != null) s.setAnonymousGid(anonGid);
        if (encrypt != null) s.setSmbEncryptionRequired(encrypt);
        if (guest != null) s.setGuestAllowed(guest);
        if (defaultPermission != null) s.setDefaultPermission(defaultPermission);
        if (protocols != null) {
            s.setNfsEnabled(protocols.contains(Protocol.NFS));
            s.setSmbEnabled(protocols.contains(Protocol.SMB));
        }
        if (networks != null) {
            Set<String> normalized = new LinkedHashSet<>();
            for (int i = 0; i < networks.size(); i++) {
                String cidr = Cidrs.normalize(networks.get(i));
                if (cidr == null) {
                    throw ApiException.invalid("allowedNetworks[" + i + "]", "'" + networks.get(i) + "' is not a CIDR such as 10.0.0.0/8");
                }
                normalized.add(cidr);
            }
            s.getAllowedNetworks().clear();
            s.getAllowedNetworks().addAll(normalized);
        }
    }

    private StoreEntity store(StoreRole role, String name, String field) {
        return stores.findByRoleAndName(role, name).orElseThrow(() ->
                ApiException.invalid(field, role.name().toLowerCase() + " store '" + name + "' does not exist"));
    }

    private ShareEntity find(String name) {
        return shares.findByName(name).orElseThrow(() -> ApiException.notFound("share", name));
    }

    static ShareView view(ShareEntity s) {
        List<Protocol> protocols = new ArrayList<>();
        if (s.isNfsEnabled()) protocols.add(Protocol.NFS);
        if (s.isSmbEnabled()) protocols.add(Protocol.SMB);
        List<GrantView> grants = s.getPermissions().stream()
                .map(p -> new GrantView(p.getUser() == null ? null : p.getUser().getName(),
                        p.getGroup() == null ? null : p.getGroup().getName(), p.getPermission()))
                .toList();
        return new ShareView(s.getName(), s.getExportPath(), s.getMetadataStore().getName(), s.getBlockStore().getName(),
                s.isReadOnly(), s.getSquash(), s.getAnonymousUid(), s.getAnonymousGid(),
                s.getAllowedNetworks().stream().sorted().toList(), protocols, s.isSmbEncryptionRequired(),
                s.isGuestAllowed(), s.getDefaultPermission(), grants);
    }
}
