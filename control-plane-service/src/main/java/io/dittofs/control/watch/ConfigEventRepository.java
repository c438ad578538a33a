package io.dittofs.control.watch;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ConfigEventRepository extends JpaRepository<ConfigEventEntity, Long> {
    List<ConfigEventEntity> findByRevisionGreaterThanOrderByRevisionAsc(long revision);

    /** Takes the row lock on the revision counter: writers serialize here until they commit. */
    @Modifying
    @Query(value = "UPDATE dfs_config_revision SET revision = revision + 1 WHERE id = 1", nativeQuery = true)
    int bumpRevision();

    @Query(value = "SELECT revision FROM dfs_config_revision WHERE id = 1", nativeQuery = true)
    long currentRevision();
}
