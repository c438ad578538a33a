package io.dittofs.gateway.nfs.v4;

import io.dittofs.gateway.access.ShareGate;
import io.dittofs.gateway.fs.FileSystem;
import io.dittofs.gateway.nfs.v4.attr.Owners;
import io.dittofs.gateway.nfs.v4.state.ClientStates;
import io.dittofs.gateway.nfs.v4.state.OpenStates;

/**
 * What the operations share across compounds: the facade, the share gate, the pseudo file system,
 * client state and the owner-name mapping.
 */
public record Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients, OpenStates opens,
                         Owners owners) {

    public Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients) {
        this(fs, gate, pseudo, clients, new OpenStates(), Owners.NUMERIC);
    }

    public Nfs4Server(FileSystem fs, ShareGate gate, PseudoFs pseudo, ClientStates clients, Owners owners) {
        this(fs, gate, pseudo, clients, new OpenStates(), owners);
    }
}
