package io.dittofs.gateway.fs.model;

import java.util.List;

/** One page of an object's extended attribute names; {@code cookie} continues after them. */
public record XattrNames(FsStatus status, List<String> names, long cookie, boolean eof) {
}
