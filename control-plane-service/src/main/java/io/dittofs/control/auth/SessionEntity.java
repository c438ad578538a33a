package io.dittofs.control.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A login session. Access tokens name it (claim "sid"); deleting the row revokes the refresh
 * token and every access token issued for it at once.
 */
@Entity
@Table(name = "dfs_session")
public class SessionEntity {

    @Id
    private String id;
    private String userName;
    private String source;
    private String refreshTokenHash;
    private Instant createdAt;
    private Instant expiresAt;

    protected SessionEntity() {
    }

    public SessionEntity(String id, String userName, String source, String refreshTokenHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.userName = userName;
        this.source = source;
        this.refreshTokenHash = refreshTokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getId() { return id; }
    public String getUserName() { return userName; }
    public String getSource() { return source; }
    public String getRefreshTokenHash() { return refreshTokenHash; }
    public void rotate(String refreshTokenHash, Instant expiresAt) {
        this.refreshTokenHash = refreshTokenHash;
        this.expiresAt = expiresAt;
    }
    public Instant getExpiresAt() { return expiresAt; }
}
