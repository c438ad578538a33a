package io.dittofs.gateway.locks;

/** A share reservation: the access an open uses and what it denies to others (bits READ=1, WRITE=2, DELETE=4). */
public record OpenSpec(byte[] file, ClientRef client, byte[] owner, int access, int deny, boolean reclaim) {

    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int DELETE = 4;
}
