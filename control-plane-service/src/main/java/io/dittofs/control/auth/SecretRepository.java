package io.dittofs.control.auth;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SecretRepository extends JpaRepository<SecretEntity, String> {
}
