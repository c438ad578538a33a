package io.dittofs.control.settings;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Global settings; PUT merges the given names (a null value removes a setting). */
@RestController
@RequestMapping("/api/v1/settings")
public class SettingsController {

    private final SettingsService settings;

    public SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    public Map<String, String> get() {
        return settings.all();
    }

    @PutMapping
    public Map<String, String> update(@RequestBody Map<String, String> changes) {
        return settings.update(changes);
    }
}
