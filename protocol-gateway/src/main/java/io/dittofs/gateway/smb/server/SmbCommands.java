package io.dittofs.gateway.smb.server;

import io.dittofs.gateway.smb.wire.Smb2Command;

/**
 * The file commands of one connection (built per connection by a factory given to
 * {@link SmbServer}). Open tables live behind it; the dispatcher tells it when a tree, a session or
 * the connection goes away so its opens are closed.
 */
public interface SmbCommands {

    /** The handler of a command on a disk tree, or null when not implemented (answered NOT_SUPPORTED). */
    SmbCommandHandler handler(Smb2Command command);

    default void treeClosed(SmbSession session, TreeConnect tree) {
    }

    default void sessionClosed(SmbSession session) {
    }

    default void connectionClosed() {
    }

    /** No file commands at all. */
    SmbCommands NONE = command -> null;
}
