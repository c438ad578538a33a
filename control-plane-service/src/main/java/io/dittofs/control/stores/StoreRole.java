package io.dittofs.control.stores;

/** What a named store definition holds: the namespace (metadata) or file content (block). */
public enum StoreRole {
    METADATA, BLOCK
}
