package io.dittofs.launcher.startup;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's own options; everything else is passed to Spring as {@code --name=value}.
 * {@code --version} and {@code --help} print and exit before anything starts (no data dir is made).
 */
public record LauncherOptions(Action action, List<String> springArgs) {

    public enum Action { RUN, VERSION, HELP }

    public static final String RESET_ADMIN_PASSWORD = "--reset-admin-password";

    public static final String HELP = """
            Usage: ./dittofs [--version] [--help] [--reset-admin-password] [--NAME=VALUE ...]

            Starts the whole DittoFS suite in one JVM: RocksDB metadata and filesystem blocks under the
            data dir, NFSv3 + MOUNT + portmapper on one port, the admin REST API (dfsctl talks to it).

            Options:
              --version                 print the version and exit
              --help                    print this help and exit
              --reset-admin-password    set user 'admin' to DITTOFS_ADMIN_INITIAL_PASSWORD (or a random
                                        password, logged once, to be changed at first login), revoke its
                                        sessions, then start as usual
              --NAME=VALUE              any Spring property, e.g. --dittofs.nfs.bind-address=0.0.0.0

            Environment:
              DITTOFS_DATA_DIR                 data directory (./data)
              DITTOFS_NFS_PORT                 NFS/MOUNT/portmapper port (./dittofs: 2049 as root, else 12049)
              DITTOFS_PORTMAP_PORT             extra portmapper port, e.g. 111 as root (0 = off)
              DITTOFS_API_PORT                 admin REST API port (8080; 0 = any, see <data-dir>/api.port)
              DITTOFS_API_ADDRESS              admin REST API address (127.0.0.1)
              DITTOFS_ADMIN_INITIAL_PASSWORD   password of 'admin' when the data dir is new (or with
                                               --reset-admin-password)

            Exit status: 0 after a clean stop (SIGTERM, Ctrl-C), 1 when start-up fails (the reason is
            printed on one line naming the setting to change), 2 on a usage error.
            Docs: docs/getting-started.md, docs/dfsctl.md, docs/admin-api.md
            """;

    public static LauncherOptions parse(String... args) {
        List<String> spring = new ArrayList<>();
        Action action = Action.RUN;
        for (String a : args) {
            switch (a) {
                case "--version", "-V" -> action = action == Action.RUN ? Action.VERSION : action;
                case "--help", "-h" -> action = Action.HELP;
                case RESET_ADMIN_PASSWORD -> spring.add("--dittofs.control.reset-admin-password=true");
                default -> {
                    if (!a.startsWith("--") || a.length() == 2) {
                        throw new IllegalArgumentException("unknown argument '" + a
                                + "': the launcher takes --version, --help, " + RESET_ADMIN_PASSWORD
                                + " and Spring properties as --name=value (see --help)");
                    }
                    spring.add(a);
                }
            }
        }
        return new LauncherOptions(action, List.copyOf(spring));
    }
}
