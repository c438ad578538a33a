package io.dittofs.metadata.storetest;

/**
 * The conformance suite every MetadataStore passes: subclass it, say how to open a fresh store,
 * and the whole namespace contract runs against that store.
 */
public abstract class MetadataStoreConformance extends OutboxConformance {
}
