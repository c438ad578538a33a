package io.dittofs.control.adapters;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdapterRepository extends JpaRepository<AdapterEntity, String> {
    List<AdapterEntity> findAllByOrderByKindAsc();
}
