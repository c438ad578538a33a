package io.dittofs.gateway.fs.grpc;

import io.dittofs.gateway.fs.model.ContentId;
import io.dittofs.gateway.fs.model.FileAttr;
import io.dittofs.gateway.fs.model.Handle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which content object a file handle's file uses, as the namespace last said. The namespace
 * assigns a file its content id when it creates the file and never changes it (metadata-service
 * CreateOp; no operation rewrites it), so an entry can never become wrong, only unused: a gateway
 * that shares the services with others needs no invalidation for it. Permission and size are not
 * cached; every operation still asks the namespace for them. Bounded: at the cap the map starts
 * over, which costs one sequential call per file on the next use.
 */
final class ContentIds {

    private final int capacity;
    private final ConcurrentHashMap<Handle, ContentId> ids = new ConcurrentHashMap<>();

    ContentIds(int capacity) {
        this.capacity = capacity;
    }

    ContentId get(Handle h) {
        return ids.get(h);
    }

    void remember(Handle h, FileAttr attr) {
        if (attr != null && attr.content() != null) {
            remember(h, attr.content());
        }
    }

    void remember(Handle h, ContentId id) {
        if (id == null) {
            return;
        }
        if (ids.size() >= capacity) {
            ids.clear();
        }
        ids.put(h, id);
    }
}
