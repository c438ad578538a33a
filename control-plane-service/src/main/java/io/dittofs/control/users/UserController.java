package io.dittofs.control.users;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.auth.Caller;
import io.dittofs.control.users.UserDtos.ChangePassword;
import io.dittofs.control.users.UserDtos.CreateUser;
import io.dittofs.control.users.UserDtos.UpdateUser;
import io.dittofs.control.users.UserDtos.UserView;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    public List<UserView> list() {
        return users.list();
    }

    @GetMapping("/{name}")
    public UserView get(@PathVariable String name) {
        return users.get(name);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserView create(@Valid @RequestBody CreateUser req) {
        return users.create(req);
    }

    @PutMapping("/{name}")
    public UserView update(@PathVariable String name, @Valid @RequestBody UpdateUser req) {
        return users.update(name, req);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String name) {
        users.delete(name);
    }

    /** Any user may change its own password, and only its own (admins reset others through update). */
    @PutMapping("/{name}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(@PathVariable String name, @Valid @RequestBody ChangePassword req,
                               @AuthenticationPrincipal Caller caller) {
        if (!name.equals(caller.name())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not-your-password", "a user may change only its own password", "name");
        }
        users.changeOwnPassword(name, req);
    }
}
