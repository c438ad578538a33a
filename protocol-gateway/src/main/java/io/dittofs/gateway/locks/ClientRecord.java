package io.dittofs.gateway.locks;

/** A registered client as {@link LockManager#listClients} finds it: its id and the key it registered with. */
public record ClientRecord(ClientRef client, byte[] key) {
}
