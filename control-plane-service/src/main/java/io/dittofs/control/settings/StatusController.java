package io.dittofs.control.settings;

import io.dittofs.control.watch.ConfigEventBus;
import io.dittofs.control.watch.SnapshotService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A summary any authenticated user may read (dfsctl status). */
@RestController
public class StatusController {

    private final SnapshotService snapshots;
    private final ConfigEventBus bus;

    public StatusController(SnapshotService snapshots, ConfigEventBus bus) {
        this.snapshots = snapshots;
        this.bus = bus;
    }

    public record Status(String service, long revision, int shares, int users, int groups, int adapters, int watchers) {
    }

    @GetMapping("/api/v1/status")
    public Status status() {
        var s = snapshots.snapshot();
        return new Status("dittofs-control-plane", s.getRevision(), s.getSharesCount(), s.getUsersCount(),
                s.getGroupsCount(), s.getAdaptersCount(), bus.subscriberCount());
    }
}
