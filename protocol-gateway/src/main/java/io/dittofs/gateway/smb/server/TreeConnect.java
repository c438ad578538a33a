package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.access.Decision;

/**
 * One tree connect of a session: the share (null for IPC$), the gate's decision at connect time,
 * and whether its requests must arrive encrypted (SHAREFLAG_ENCRYPT_DATA).
 */
public record TreeConnect(int id, String shareName, Decision.Allowed access, boolean ipc, boolean encryptData) {
}
