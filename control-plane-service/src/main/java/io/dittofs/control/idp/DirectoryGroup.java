package io.dittofs.control.idp;

import java.util.List;

public record DirectoryGroup(String name, long gid, String sid, List<String> members, String source) {

    public DirectoryGroup {
        members = List.copyOf(members);
    }
}
