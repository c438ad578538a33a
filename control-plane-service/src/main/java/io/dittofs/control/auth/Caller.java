package io.dittofs.control.auth;

import io.dittofs.control.users.Role;

/** The authenticated caller of one request. */
public record Caller(String name, Role role, String sessionId, String source, boolean mustChangePassword) {
}
