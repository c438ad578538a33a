package io.dittofs.gateway.access;

import io.dittofs.gateway.identity.Principal;

/** The share gate's answer. */
public sealed interface Decision {

    /**
     * @param principal who the services see (after squash)
     * @param mayModify the caller may change things in this share (not read-only, READ_WRITE level);
     *                  protocols use it to answer "may I write?" questions (NFS ACCESS) honestly
     */
    record Allowed(String share, Principal principal, boolean mayModify) implements Decision {
    }

    record Denied(Denial reason) implements Decision {
    }
}
