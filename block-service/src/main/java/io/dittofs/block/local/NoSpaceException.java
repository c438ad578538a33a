package io.dittofs.block.local;

import java.io.IOException;

/** The local tier has no room (quota reached or the device is full); nothing was stored. */
public final class NoSpaceException extends IOException {
    public NoSpaceException(String message) {
        super(message);
    }

    /** True when an IOException from the OS means ENOSPC (Java has no typed exception for it). */
    public static boolean isNoSpace(IOException e) {
        if (e instanceof NoSpaceException) {
            return true;
        }
        String msg = e.getMessage();
        return msg != null && (msg.contains("No space left on device") || msg.contains("Disk quota exceeded"));
    }
}
