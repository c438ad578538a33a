package io.dittofs.launcher;

import io.dittofs.gateway.config.NfsListeners;
import io.dittofs.gateway.config.NfsProperties;
import io.dittofs.gateway.config.SmbListener;
import io.dittofs.gateway.config.SmbProperties;
import io.dittofs.control.adapters.RunningListeners;
import io.dittofs.launcher.startup.BuildInfo;
import io.dittofs.launcher.startup.Setting;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Once every listener is bound: one log line with the version, the ports and the data dir as
 * they really are, and the embedded control plane told what runs (adapters API, readiness).
 */
final class SuiteReady implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(SuiteReady.class);

    private final Environment env;
    private final ObjectProvider<NfsListeners> nfs;
    private final ObjectProvider<EmbeddedControlPlane> controlPlane;

    SuiteReady(Environment env, ObjectProvider<NfsListeners> nfs, ObjectProvider<EmbeddedControlPlane> controlPlane) {
        this.env = env;
        this.nfs = nfs;
        this.controlPlane = controlPlane;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String address = env.getProperty(Setting.NFS_ADDRESS.property(), "127.0.0.1");
        int nfsPort = nfs.getIfAvailable() == null ? -1 : nfs.getObject().port();
        int portmap = env.getProperty(Setting.PORTMAP_PORT.property(), Integer.class, 0);
        Path dataDir = Path.of(env.getProperty(Setting.DATA_DIR.property(), "./data")).toAbsolutePath().normalize();
        SmbListener smbListener = event.getApplicationContext().getBeanProvider(SmbListener.class).getIfAvailable();
        int smbPort = smbListener == null ? -1 : smbListener.port();
        SmbProperties smbProps = event.getApplicationContext().getBeanProvider(SmbProperties.class).getIfAvailable();
        String smbAddress = smbProps == null ? address : smbProps.bindAddress();
        String served = String.format("NFS on %s:%d (%s), portmapper %s, SMB %s", address, nfsPort, Setting.NFS_PORT.env(),
                portmap == 0 ? "off" : "on " + portmap,
                smbPort > 0 ? "on " + smbAddress + ":" + smbPort + " (" + Setting.SMB_PORT.env() + ")" : "off");
        RunningListeners.Listening smb = smbPort > 0 ? new RunningListeners.Listening(smbAddress, smbPort, 0) : null;
        EmbeddedControlPlane cp = controlPlane.getIfAvailable();
        if (cp == null) {
            log.info("DittoFS {} ready in {} s: {}, admin API off, data dir {} ({})", BuildInfo.version(), uptime(),
                    served, dataDir, Setting.DATA_DIR.env());
            return;
        }
        if (!cp.isStarted()) {
            log.info("DittoFS {} serving in {} s: {}, data dir {} ({}); admin API still starting", BuildInfo.version(),
                    uptime(), served, dataDir, Setting.DATA_DIR.env());
        }
        Runnable ready = () -> log.info("DittoFS {} ready in {} s: {}, admin API on http://{}:{} ({}), data dir {} ({})",
                BuildInfo.version(), uptime(), served, env.getProperty(Setting.API_ADDRESS.property(), "127.0.0.1"),
                cp.port(), Setting.API_PORT.env(), dataDir, Setting.DATA_DIR.env());
        if (nfsPort > 0) {
            // the served range in the adapters API's spelling ("4" is "4.0" there)
            NfsProperties props = event.getApplicationContext().getBeanProvider(NfsProperties.class).getIfAvailable();
            String min = props == null ? null : props.minVersion().trim().replaceFirst("^4$", "4.0");
            String max = props == null ? null : props.maxVersion().trim().replaceFirst("^4$", "4.0");
            cp.suiteReady(address, nfsPort, portmap, min, max, smb, ready);
        } else {
            ready.run();
        }
    }

    private static String uptime() {
        return String.format("%.1f", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }
}
