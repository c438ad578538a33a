package io.dittofs.control.adapters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

public final class AdapterDtos {

    private AdapterDtos() {
    }

    /**
     * The configuration plus {@code listening}: what the gateway in this process is bound to, or
     * null when no gateway reported to this control plane (standalone deployments).
     */
    public record AdapterView(String kind, boolean enabled, int port, String minVersion, String maxVersion,
                              int leaseSeconds, int graceSeconds, int portmapPort,
                              RunningListeners.Listening listening) {
    }

    public record CreateAdapter(@NotBlank String kind, Boolean enabled, @Min(0) @Max(65535) Integer port,
                                String minVersion, String maxVersion, @Min(1) @Max(3600) Integer leaseSeconds,
                                @Min(0) @Max(3600) Integer graceSeconds, @Min(0) @Max(65535) Integer portmapPort) {
    }

    public record UpdateAdapter(Boolean enabled, @Min(0) @Max(65535) Integer port, String minVersion, String maxVersion,
                                @Min(1) @Max(3600) Integer leaseSeconds, @Min(0) @Max(3600) Integer graceSeconds,
                                @Min(0) @Max(65535) Integer portmapPort) {
    }
}
