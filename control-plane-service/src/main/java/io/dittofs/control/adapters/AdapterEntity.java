package io.dittofs.control.adapters;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A protocol listener of the gateway ("nfs" or "smb"). */
@Entity
@Table(name = "dfs_adapter")
public class AdapterEntity {

    @Id
    private String kind;
    private boolean enabled;
    private int port;
    private String minVersion;
    private String maxVersion;
    private int leaseSeconds;
    private int graceSeconds;
    private int portmapPort;
    @Version
    private long version;

    protected AdapterEntity() {
    }

    public AdapterEntity(String kind) {
        this.kind = kind;
    }

    public String getKind() { return kind; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getMinVersion() { return minVersion; }
    public void setMinVersion(String minVersion) { this.minVersion = minVersion; }
    public String getMaxVersion() { return maxVersion; }
    public void setMaxVersion(String maxVersion) { this.maxVersion = maxVersion; }
    public int getLeaseSeconds() { return leaseSeconds; }
    public void setLeaseSeconds(int leaseSeconds) { this.leaseSeconds = leaseSeconds; }
    public int getGraceSeconds() { return graceSeconds; }
    public void setGraceSeconds(int graceSeconds) { this.graceSeconds = graceSeconds; }
    public int getPortmapPort() { return portmapPort; }
    public void setPortmapPort(int portmapPort) { this.portmapPort = portmapPort; }
}
