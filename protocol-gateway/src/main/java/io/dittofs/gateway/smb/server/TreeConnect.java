package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.access.Decision;

/** One tree connect of a session: the share (null for IPC$) and the gate's decision at connect time. */
record TreeConnect(int id, String shareName, Decision.Allowed access, boolean ipc) {
}
