package io.dittofs.control.shares;

import io.dittofs.control.shares.ShareDtos.CreateShare;
import io.dittofs.control.shares.ShareDtos.Grant;
import io.dittofs.control.shares.ShareDtos.ShareView;
import io.dittofs.control.shares.ShareDtos.UpdateShare;
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
@RequestMapping("/api/v1/shares")
public class ShareController {

    private final ShareService shares;

    public ShareController(ShareService shares) {
        this.shares = shares;
    }

    @GetMapping
    public List<ShareView> list() {
        return shares.list();
    }

    @GetMapping("/{name}")
    public ShareView get(@PathVariable String name) {
        return shares.get(name);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ShareView create(@Valid @RequestBody CreateShare req) {
        return shares.create(req);
    }

    @PutMapping("/{name}")
    public ShareView update(@PathVariable String name, @Valid @RequestBody UpdateShare req) {
        return shares.update(name, req);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String name) {
        shares.delete(name);
    }

    @PostMapping("/{name}/permissions")
    public ShareView grant(@PathVariable String name, @Valid @RequestBody Grant grant) {
        return shares.grant(name, grant);
    }

    @DeleteMapping("/{name}/permissions/users/{user}")
    public ShareView revokeUser(@PathVariable String name, @PathVariable String user) {
        return shares.revoke(name, user, null);
    }

    @DeleteMapping("/{name}/permissions/groups/{group}")
    public ShareView revokeGroup(@PathVariable String name, @PathVariable String group) {
        return shares.revoke(name, null, group);
    }
}
