package io.dittofs.gateway.fs.model;

import java.util.List;

/** @param verifier 8 bytes identifying the directory's state for later pages */
public record DirPage(FsStatus status, List<DirEntry> entries, boolean eof, byte[] verifier, FileAttr dirAttr) {

    public DirPage {
        entries = List.copyOf(entries);
    }
}
