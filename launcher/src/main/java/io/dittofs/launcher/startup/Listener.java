package io.dittofs.launcher.startup;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * One socket the suite opens, as configured: checked before the services start, so a port that
 * is taken or needs root fails in a second with the setting to change instead of after the stores
 * have opened (and again after a failure, to name the listener a bind error came from).
 */
public record Listener(String what, Setting port, Setting address, String host, int portNumber, boolean udp,
                       String portHint) {

    public static Listener nfs(Environment env) {
        return new Listener("NFS port", Setting.NFS_PORT, Setting.NFS_ADDRESS,
                env.getProperty(Setting.NFS_ADDRESS.property(), "127.0.0.1"),
                env.getProperty(Setting.NFS_PORT.property(), Integer.class, 2049),
                env.getProperty("dittofs.nfs.udp", Boolean.class, true), "e.g. DITTOFS_NFS_PORT=12050");
    }

    public static Listener portmap(Environment env) {
        return new Listener("portmapper port", Setting.PORTMAP_PORT, Setting.NFS_ADDRESS,
                env.getProperty(Setting.NFS_ADDRESS.property(), "127.0.0.1"),
                env.getProperty(Setting.PORTMAP_PORT.property(), Integer.class, 0),
                env.getProperty("dittofs.nfs.udp", Boolean.class, true), "or DITTOFS_PORTMAP_PORT=0 to turn it off");
    }

    public static Listener api(Environment env) {
        return new Listener("admin API port", Setting.API_PORT, Setting.API_ADDRESS,
                env.getProperty(Setting.API_ADDRESS.property(), "127.0.0.1"),
                env.getProperty(Setting.API_PORT.property(), Integer.class, 8080), false,
                "e.g. DITTOFS_API_PORT=8081 (0 = any free port, written to <data-dir>/api.port)");
    }

    /** Whether the suite opens this one (port 0 = any free port cannot collide). */
    public boolean checked() {
        return portNumber > 0;
    }

    /** Empty when the port can be opened now; otherwise the user's message. */
    public Optional<String> problem() {
        if (!checked()) {
            return Optional.empty();
        }
        if (portNumber > 65535) {
            return Optional.of(what + " " + portNumber + " is not a TCP port; set " + port.names() + " to 1-65535");
        }
        InetAddress addr;
        try {
            addr = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("listen address '" + host + "' is not an IP address of this machine; set "
                    + address.names() + ", e.g. 127.0.0.1 or 0.0.0.0");
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(addr, portNumber));
        } catch (IOException e) {
            return Optional.of(explain(e));
        }
        if (udp) {
            try (DatagramSocket d = new DatagramSocket(null)) {
                d.bind(new InetSocketAddress(addr, portNumber));
            } catch (IOException e) {
                return Optional.of(explain(e) + " (udp)");
            }
        }
        return Optional.empty();
    }

    private String explain(IOException e) {
        String reason = String.valueOf(e.getMessage());
        String where = what + " " + portNumber + " on " + host;
        if (reason.contains("already in use")) {
            return where + " is already in use (by another DittoFS?); stop that process or set "
                    + port.names() + " to a free port, " + portHint;
        }
        if (reason.contains("Permission denied") || reason.contains("Access denied")) {
            return where + " needs root (ports below 1024 are privileged); run as root or set "
                    + port.names() + " to a port >= 1024, " + portHint;
        }
        if (e instanceof BindException && reason.contains("assign requested address")) {
            return "listen address " + host + " is not an address of this machine; set " + address.names()
                    + ", e.g. 127.0.0.1 or 0.0.0.0";
        }
        return where + " cannot be opened: " + reason + "; set " + port.names() + " to a free port";
    }
}
