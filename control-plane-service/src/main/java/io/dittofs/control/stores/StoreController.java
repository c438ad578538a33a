package io.dittofs.control.stores;

import io.dittofs.control.api.ApiException;
import io.dittofs.control.stores.StoreDtos.CreateStore;
import io.dittofs.control.stores.StoreDtos.StoreView;
import io.dittofs.control.stores.StoreDtos.UpdateStore;
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

/** /api/v1/stores/{role}/... where role is "metadata" or "block". */
@RestController
@RequestMapping("/api/v1/stores/{role}")
public class StoreController {

    private final StoreService stores;

    public StoreController(StoreService stores) {
        this.stores = stores;
    }

    @GetMapping
    public List<StoreView> list(@PathVariable String role) {
        return stores.list(role(role));
    }

    @GetMapping("/{name}")
    public StoreView get(@PathVariable String role, @PathVariable String name) {
        return stores.get(role(role), name);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public StoreView create(@PathVariable String role, @Valid @RequestBody CreateStore req) {
        return stores.create(role(role), req);
    }

    @PutMapping("/{name}")
    public StoreView update(@PathVariable String role, @PathVariable String name, @Valid @RequestBody UpdateStore req) {
        return stores.update(role(role), name, req);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String role, @PathVariable String name) {
        stores.delete(role(role), name);
    }

    private static StoreRole role(String role) {
        return switch (role) {
            case "metadata" -> StoreRole.METADATA;
            case "block" -> StoreRole.BLOCK;
            default -> throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "store role must be metadata or block", "role");
        };
    }
}
