package io.dittofs.gateway.smb.auth;

import java.util.Optional;

/**
 * Where NTLM finds a user's NT hash: the control plane's IdentityService.GetNtHash in the
 * product ({@link GrpcNtHashSource}), a static table only for tests ({@link StaticNtHashSource}).
 * Called off the event loop.
 */
@FunctionalInterface
public interface NtHashSource {

    /** The enabled user of that name, or empty when unknown or disabled. */
    Optional<NtIdentity> lookup(String user);
}
