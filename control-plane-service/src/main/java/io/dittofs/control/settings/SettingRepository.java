package io.dittofs.control.settings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SettingRepository extends JpaRepository<SettingEntity, String> {
    List<SettingEntity> findAllByOrderByNameAsc();
}
