package io.dittofs.control.idp;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IdentityProviderRepository extends JpaRepository<IdentityProviderEntity, Integer> {
}
