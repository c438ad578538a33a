package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.nfs.v4.attr.Owners;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.nfs.v4.state.OpenStates;
import io.dittofs.gateway.nfs.v4.state.OwnerSeqids;

/**
 * What the operations share across compounds: the facade, the share gate, the pseudo file system,
 * client state, open and lock stateids (kept in the lock-service the clients are registered with),
 * 4.0 owner seqids, the owner-name mapping and the callbacks (delegation recalls).
 */
public record Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients, OpenStates opens,
                         OwnerSeqids seqids, Owners owners, Nfs4Callbacks callbacks) {

    public Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients) {
        this(fs, gate, pseudo, clients, Owners.NUMERIC);
    }

    public Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients, Owners owners) {
        this(fs, gate, pseudo, clients, owners, new Nfs4Callbacks(clients, null));
    }

    /** @param callbacks CB_RECALL and the clients' callback paths (delegations need one) */
    public Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients, Owners owners,
                      Nfs4Callbacks callbacks) {
        this(fs, gate, pseudo, clients, clients.openStates(), new OwnerSeqids(), owners, callbacks);
    }
}
