package io.dittofs.gateway.fs.model;

/** How a SETATTR changes a timestamp. */
public sealed interface SetTime {

    /** The server's current time. */
    record ServerTime() implements SetTime {
    }

    /** A time the client chose. */
    record ClientTime(Time time) implements SetTime {
    }

    SetTime SERVER = new ServerTime();
}
