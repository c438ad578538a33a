package io.dittofs.gateway.identity;

import java.util.Optional;
import java.util.OptionalInt;

/** User and group names ↔ numeric ids, as the control plane's identity service knows them. */
public interface IdentityNames {

    /** No names known: every protocol falls back to numeric ids. */
    IdentityNames NONE = new IdentityNames() {
        @Override
        public Optional<String> userName(int uid) {
            return Optional.empty();
        }

        @Override
        public Optional<String> groupName(int gid) {
            return Optional.empty();
        }

        @Override
        public OptionalInt uid(String name) {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt gid(String name) {
            return OptionalInt.empty();
        }
    };

    Optional<String> userName(int uid);

    Optional<String> groupName(int gid);

    OptionalInt uid(String name);

    OptionalInt gid(String name);
}
