package io.dittofs.lock.core;

/** Whose semantics a client's locks follow: POSIX for NLM and NFSv4, Windows for SMB. */
public enum Protocol {
    NLM, NFS4, SMB;

    public boolean posix() {
        return this != SMB;
    }
}
