package io.dittofs.control.shares;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.shares.ShareDtos.Protocol;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * What a share may ask for today. Everything the API accepts is honoured by the gateway and the
 * services; what is not served yet is refused with 400 naming the field, never stored and ignored.
 */
final class ShareSupport {

    /** The only metadata and block store the services serve: per-share store selection is not implemented. */
    static final String DEFAULT_STORE = "default";

    private ShareSupport() {
    }

    static void check(String metadataStore, String blockStore, List<Protocol> protocols, Boolean smbEncryptionRequired,
                      Boolean guestAllowed) {
        if (metadataStore != null && !metadataStore.equals(DEFAULT_STORE)) {
            throw unsupported("metadataStore", "per-share metadata stores are not served yet: every share lives in the"
                    + " metadata-service's configured store; omit metadataStore or use \"default\"");
        }
        if (blockStore != null && !blockStore.equals(DEFAULT_STORE)) {
            throw unsupported("blockStore", "per-share block stores are not served yet: every share lives in the"
                    + " block-service's configured store; omit blockStore or use \"default\"");
        }
        // protocols is honoured: each protocol of the gateway sees only the shares that list it (docs/smb.md)
        if (Boolean.TRUE.equals(smbEncryptionRequired)) {
            throw unsupported("smbEncryptionRequired", "per-share SMB encryption is set on the gateway"
                    + " (dittofs.smb.encrypted-shares), not per share yet; omit smbEncryptionRequired or set it to false");
        }
        if (Boolean.TRUE.equals(guestAllowed)) {
            throw unsupported("guestAllowed", "guest access is set on the gateway (dittofs.smb.allow-guest), not per"
                    + " share yet; omit guestAllowed or set it to false");
        }
    }

    private static ApiException unsupported(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "unsupported-field", detail, field);
    }
}
