package io.dittofs.control.shares;

import io.dittofs.control.stores.StoreEntity;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShareRepository extends JpaRepository<ShareEntity, Long> {
    Optional<ShareEntity> findByName(String name);
    boolean existsByName(String name);
    boolean existsByExportPath(String exportPath);
    boolean existsByMetadataStoreOrBlockStore(StoreEntity metadataStore, StoreEntity blockStore);
    List<ShareEntity> findAllByOrderByNameAsc();
}
