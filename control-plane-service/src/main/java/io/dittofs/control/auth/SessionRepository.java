package io.dittofs.control.auth;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SessionRepository extends JpaRepository<SessionEntity, String> {
    Optional<SessionEntity> findByRefreshTokenHash(String hash);

    @Modifying
    @Query("delete from SessionEntity s where s.userName = ?1")
    int deleteByUserName(String userName);
}
