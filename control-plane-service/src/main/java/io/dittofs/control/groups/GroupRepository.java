package io.dittofs.control.groups;

import io.dittofs.control.users.UserEntity;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupRepository extends JpaRepository<GroupEntity, Long> {
    Optional<GroupEntity> findByName(String name);
    Optional<GroupEntity> findByGid(long gid);
    Optional<GroupEntity> findBySid(String sid);
    boolean existsByName(String name);
    boolean existsByGid(long gid);
    boolean existsBySid(String sid);
    List<GroupEntity> findAllByOrderByNameAsc();
    List<GroupEntity> findByMembersContaining(UserEntity user);
}
