package io.dittofs.control.stores;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StoreRepository extends JpaRepository<StoreEntity, Long> {
    Optional<StoreEntity> findByRoleAndName(StoreRole role, String name);
    boolean existsByRoleAndName(StoreRole role, String name);
    List<StoreEntity> findByRoleOrderByNameAsc(StoreRole role);
}
