package io.dittofs.cli.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The login state in {@code <config-dir>/credentials.json}: server URL, access and refresh token.
 * Readable by the owner only, since the tokens act as the user.
 */
public final class Credentials {

    public record Saved(String server, String accessToken, String refreshToken, String user) {
    }

    private final Path file;

    public Credentials(Path configDir) {
        this.file = configDir.resolve("credentials.json");
    }

    public Path file() {
        return file;
    }

    public Optional<Saved> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new Saved(text(n, "server"), text(n, "accessToken"), text(n, "refreshToken"), text(n, "user")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void save(Saved s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("server", s.server());
        n.put("user", s.user());
        n.put("accessToken", s.accessToken());
        n.put("refreshToken", s.refreshToken());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("credentials.json.tmp");
            Files.writeString(tmp, Json.MAPPER.writeValueAsString(n), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // non-POSIX file system: the directory's own protection has to do
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
