package io.dittofs.control.idp;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.idp.IdpDtos.IdpView;
import io.dittofs.control.idp.IdpDtos.UpdateIdp;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity-provider")
public class IdpController {

    private final IdpService idp;
    private final IdentityResolver resolver;

    public IdpController(IdpService idp, IdentityResolver resolver) {
        this.idp = idp;
        this.resolver = resolver;
    }

    @GetMapping
    public IdpView get() {
        return idp.get();
    }

    @PutMapping
    public IdpView update(@Valid @RequestBody UpdateIdp req) {
        return idp.update(req);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete() {
        idp.delete();
    }

    /** Resolves a user as the data path would (local first, then the directory). */
    @GetMapping("/users/{name}")
    public DirectoryUser resolveUser(@PathVariable String name) {
        try {
            return resolver.userByName(name).orElseThrow(() -> ApiException.notFound("user", name));
        } catch (DirectoryUnavailableException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "directory-unavailable", e.getMessage(), null);
        }
    }

    @GetMapping("/groups/{name}")
    public DirectoryGroup resolveGroup(@PathVariable String name) {
        try {
            return resolver.groupByName(name).orElseThrow(() -> ApiException.notFound("group", name));
        } catch (DirectoryUnavailableException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "directory-unavailable", e.getMessage(), null);
        }
    }
}
