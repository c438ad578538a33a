package io.dittofs.control.shares;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

public final class ShareDtos {

    static final String NAME_REGEX = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String PATH_REGEX = "/[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,7}";

    private ShareDtos() {
    }

    public enum Protocol { NFS, SMB }

    public record GrantView(String user, String group, Permission permission) {
    }

    public record ShareView(String name, String exportPath, String metadataStore, String blockStore, boolean readOnly,
                            Squash squash, long anonymousUid, long anonymousGid, List<String> allowedNetworks,
                            List<Protocol> protocols, boolean smbEncryptionRequired, boolean guestAllowed,
                            Permission defaultPermission, List<GrantView> permissions) {
    }

    public record CreateShare(
            @NotBlank @Pattern(regexp = NAME_REGEX, message = "must be letters, digits, '_', '.', '-'") String name,
            @Pattern(regexp = PATH_REGEX, message = "must be an absolute path such as /export") String exportPath,
            String metadataStore,
            String blockStore,
            Boolean readOnly,
            Squash squash,
            @Min(0) @Max(4294967294L) Long anonymousUid,
            @Min(0) @Max(4294967294L) Long anonymousGid,
            List<String> allowedNetworks,
            List<@NotNull Protocol> protocols,
            Boolean smbEncryptionRequired,
            Boolean guestAllowed,
            Permission defaultPermission) {
    }

    public record UpdateShare(
            @Pattern(regexp = PATH_REGEX, message = "must be an absolute path such as /export") String exportPath,
            String metadataStore,
            String blockStore,
            Boolean readOnly,
            Squash squash,
            @Min(0) @Max(4294967294L) Long anonymousUid,
            @Min(0) @Max(4294967294L) Long anonymousGid,
            List<String> allowedNetworks,
            List<@NotNull Protocol> protocols,
            Boolean smbEncryptionRequired,
            Boolean guestAllowed,
            Permission defaultPermission) {
    }

    /** Grants a permission to exactly one of a user or a group. */
    public record Grant(String user, String group, @NotNull Permission permission) {
    }
}
