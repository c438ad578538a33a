package io.dittofs.control.stores;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

public final class StoreDtos {

    private StoreDtos() {
    }

    public record StoreView(String name, String kind, Map<String, String> settings) {
    }

    public record CreateStore(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,63}", message = "must be a lower-case name") String name,
            @NotBlank String kind,
            Map<String, String> settings) {
    }

    public record UpdateStore(String kind, Map<String, String> settings) {
    }
}
