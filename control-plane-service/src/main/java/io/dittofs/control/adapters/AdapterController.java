package io.dittofs.control.adapters;

import io.dittofs.control.adapters.AdapterDtos.AdapterView;
import io.dittofs.control.adapters.AdapterDtos.CreateAdapter;
import io.dittofs.control.adapters.AdapterDtos.UpdateAdapter;
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
@RequestMapping("/api/v1/adapters")
public class AdapterController {

    private final AdapterService adapters;

    public AdapterController(AdapterService adapters) {
        this.adapters = adapters;
    }

    @GetMapping
    public List<AdapterView> list() {
        return adapters.list();
    }

    @GetMapping("/{kind}")
    public AdapterView get(@PathVariable String kind) {
        return adapters.get(kind);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AdapterView create(@Valid @RequestBody CreateAdapter req) {
        return adapters.create(req);
    }

    @PutMapping("/{kind}")
    public AdapterView update(@PathVariable String kind, @Valid @RequestBody UpdateAdapter req) {
        return adapters.update(kind, req);
    }

    @DeleteMapping("/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String kind) {
        adapters.delete(kind);
    }
}
