package io.dittofs.control.users;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<UserEntity, Long> {
    Optional<UserEntity> findByName(String name);
    Optional<UserEntity> findByUid(long uid);
    Optional<UserEntity> findBySid(String sid);
    Optional<UserEntity> findByKerberosPrincipal(String principal);
    boolean existsByName(String name);
    boolean existsByUid(long uid);
    boolean existsBySid(String sid);
    List<UserEntity> findAllByOrderByNameAsc();
    long countByRoleAndEnabled(Role role, boolean enabled);
}
