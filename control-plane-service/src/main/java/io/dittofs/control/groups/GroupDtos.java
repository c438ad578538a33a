package io.dittofs.control.groups;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;

public final class GroupDtos {

    private GroupDtos() {
    }

    public record GroupView(String name, long gid, String sid, List<String> members) {
    }

    public record CreateGroup(
            @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_.-]{0,63}", message = "must be a lower-case POSIX group name") String name,
            @Min(0) @Max(4294967294L) Long gid,
            @Pattern(regexp = "S-1(-\\d{1,10}){1,15}", message = "must be a SID") String sid,
            List<@NotBlank String> members) {
    }

    public record UpdateGroup(
            @Min(0) @Max(4294967294L) Long gid,
            @Pattern(regexp = "S-1(-\\d{1,10}){1,15}", message = "must be a SID") String sid,
            List<@NotBlank String> members) {
    }
}
