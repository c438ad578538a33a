package io.dittofs.gateway.fs.model;

import io.dittofs.gateway.identity.Principal;

/**
 * A file opened once: the access was checked then, so I/O through it asks the namespace no
 * permission question again. Immutable; the attributes are those seen at open time.
 *
 * @param content null while the file has no content object (never written)
 */
public record OpenFile(Handle handle, Principal principal, AccessMode granted, ContentId content, FileAttr attr) {
}
