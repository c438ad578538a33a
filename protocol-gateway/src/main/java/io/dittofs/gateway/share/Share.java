package io.dittofs.gateway.share;

import io.dittofs.contracts.common.v1.Identity;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An exported share as the gateway enforces it.
 *
 * @param name       the share name the metadata-service knows (GetRoot)
 * @param exportPath the path clients mount, e.g. {@code /export}
 * @param networks   allowed client networks; empty = everyone
 * @param permissions who may read or write it (judged before squash)
 * @param protocols  what it is served over; a protocol not listed neither lists nor reaches it
 */
public record Share(String name, String exportPath, boolean readOnly, Squash squash, int anonUid, int anonGid,
                    List<Network> networks, SharePermissions permissions, Set<ShareProtocol> protocols) {

    public Share {
        networks = List.copyOf(networks);
        protocols = protocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(protocols));
    }

    /** A share served over every protocol. */
    public Share(String name, String exportPath, boolean readOnly, Squash squash, int anonUid, int anonGid,
                 List<Network> networks, SharePermissions permissions) {
        this(name, exportPath, readOnly, squash, anonUid, anonGid, networks, permissions,
                EnumSet.allOf(ShareProtocol.class));
    }

    public boolean serves(ShareProtocol protocol) {
        return protocols.contains(protocol);
    }

    /** A share everyone allowed by network may read and write. */
    public Share(String name, String exportPath, boolean readOnly, Squash squash, int anonUid, int anonGid,
                 List<Network> networks) {
        this(name, exportPath, readOnly, squash, anonUid, anonGid, networks, SharePermissions.EVERYONE);
    }

    public boolean allows(InetAddress client) {
        return networks.isEmpty() || networks.stream().anyMatch(n -> n.contains(client));
    }

    /** The identity the services see after this share's squash rule. */
    public Identity squash(Identity id) {
        boolean squashed = switch (squash) {
            case NONE -> false;
            case ROOT -> id.getUid() == 0;
            case ALL -> true;
        };
        if (!squashed) {
            return id;
        }
        return id.toBuilder().setUid(anonUid).setGid(anonGid).clearGids().setAnonymous(true).build();
    }
}
