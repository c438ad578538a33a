package io.dittofs.control.users;

/** Admin API roles: admins manage everything, users may read status and change their own password. */
public enum Role {
    ADMIN, USER
}
