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

    /**
     * The session's connection went (not LOGOFF): durable opens are kept for a reconnect, the others
     * close as on {@link #sessionClosed}. Also for a session replaced by a reconnect (PreviousSessionId).
     */
    default void sessionLost(SmbSession session) {
        sessionClosed(session);
    }

    default void connectionClosed() {
    }

    /** How to send this connection an unsolicited message (an oplock break): called once, before any request. */
    default void attach(java.util.function.Consumer<byte[]> push) {
    }

    /** No file commands at all. */
    SmbCommands NONE = command -> null;
}
