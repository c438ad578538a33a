package io.dittofs.control.users;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and response bodies of /api/v1/users. No body ever carries a hash out. */
public final class UserDtos {

    static final String NAME_REGEX = "[a-z_][a-z0-9_.-]{0,63}";
    static final long MAX_ID = 4294967294L;

    private UserDtos() {
    }

    public record UserView(String name, long uid, long gid, List<String> groups, String kerberosPrincipal, String sid,
                           boolean enabled, Role role, boolean mustChangePassword) {
    }

    public record CreateUser(
            @NotBlank @Pattern(regexp = NAME_REGEX, message = "must be a lower-case POSIX user name") String name,
            @NotNull @Size(min = 8, max = 256, message = "must be 8 to 256 characters") String password,
            @Min(0) @Max(MAX_ID) Long uid,
            @Min(0) @Max(MAX_ID) Long gid,
            List<@NotBlank String> groups,
            @Size(max = 255) String kerberosPrincipal,
            @Pattern(regexp = "S-1(-\\d{1,10}){1,15}", message = "must be a SID such as S-1-5-21-1-2-3-1000") String sid,
            Boolean enabled,
            Role role) {
    }

    public record UpdateUser(
            @Min(0) @Max(MAX_ID) Long uid,
            @Min(0) @Max(MAX_ID) Long gid,
            List<@NotBlank String> groups,
            @Size(max = 255) String kerberosPrincipal,
            @Pattern(regexp = "S-1(-\\d{1,10}){1,15}", message = "must be a SID such as S-1-5-21-1-2-3-1000") String sid,
            Boolean enabled,
            Role role,
            @Size(min = 8, max = 256, message = "must be 8 to 256 characters") String password) {
    }

    public record ChangePassword(
            String currentPassword,
            @NotNull @Size(min = 8, max = 256, message = "must be 8 to 256 characters") String newPassword) {
    }
}
