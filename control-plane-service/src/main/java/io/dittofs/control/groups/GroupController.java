package io.dittofs.control.groups;

import io.dittofs.control.groups.GroupDtos.CreateGroup;
import io.dittofs.control.groups.GroupDtos.GroupView;
import io.dittofs.control.groups.GroupDtos.UpdateGroup;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups")
public class GroupController {

    private final GroupService groups;

    public GroupController(GroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    public List<GroupView> list() {
        return groups.list();
    }

    @GetMapping("/{name}")
    public GroupView get(@PathVariable String name) {
        return groups.get(name);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public GroupView create(@Valid @RequestBody CreateGroup req) {
        return groups.create(req);
    }

    @PutMapping("/{name}")
    public GroupView update(@PathVariable String name, @Valid @RequestBody UpdateGroup req) {
        return groups.update(name, req);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String name) {
        groups.delete(name);
    }
}
