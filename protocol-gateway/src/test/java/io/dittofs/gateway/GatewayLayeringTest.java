package io.dittofs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.gateway.fs.FileSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's layering rules, checked on its sources: protocols do not hold share rules or
 * service contracts, wire enums are mapped explicitly, configuration is declared, and the share
 * and config packages do not depend on each other both ways.
 */
class GatewayLayeringTest {

    static final Path MAIN = Path.of("src/main/java/io/dittofs/gateway");
    static final Pattern PROTOCOL = Pattern.compile("io\\.dittofs\\.gateway\\.(nfs|smb)\\b");
    static final Pattern SHARE_RULES = Pattern.compile(
            "\\.readOnly\\(\\)|\\.allows\\(|\\.permissions\\(\\)|\\bSharePermissions\\b|\\bSquash\\b|\\bNetwork\\b|\\.squash\\(");
    static final Pattern SERVICE_CONTRACTS = Pattern.compile("import io\\.dittofs\\.contracts\\.(metadata|block)\\.");

    record Source(Path path, String text) {
        boolean under(String pkg) {
            return MAIN.relativize(path).toString().startsWith(pkg + "/");
        }
    }

    static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return new Source(p, Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sourcesAreFound() {
        assertThat(sources()).hasSizeGreaterThan(50);
    }

    @Test
    void noClassMentionsBothAProtocolAndShareRules() {
        assertThat(sources()).filteredOn(s -> PROTOCOL.matcher(s.text()).find() && SHARE_RULES.matcher(s.text()).find())
                .extracting(Source::path).isEmpty();
    }

    @Test
    void protocolsUseNoServiceContractsAndNoProtobufEnumNumbers() {
        List<Source> protocol = sources().stream().filter(s -> s.under("nfs") || s.under("smb")).toList();
        assertThat(protocol).isNotEmpty();
        assertThat(protocol).filteredOn(s -> SERVICE_CONTRACTS.matcher(s.text()).find()).extracting(Source::path).isEmpty();
        assertThat(protocol).filteredOn(s -> s.text().contains("forNumber(") || s.text().contains("getNumber()"))
                .extracting(Source::path).isEmpty();
    }

    @Test
    void theFacadeIsAnInterfaceOfNeutralTypes() {
        assertThat(FileSystem.class.isInterface()).isTrue();
        List<Source> neutral = sources().stream().filter(s -> s.under("fs/model") || s.path().endsWith("fs/FileSystem.java")
                || s.under("access")).toList();
        assertThat(neutral).filteredOn(s -> s.text().contains("import io.dittofs.contracts") || s.text().contains("com.google.protobuf"))
                .extracting(Source::path).isEmpty();
    }

    @Test
    void noKeyIsReadFromTheEnvironment() {
        assertThat(sources()).filteredOn(s -> s.text().contains("getProperty(") || s.text().contains("core.env.Environment"))
                .extracting(Source::path).isEmpty();
    }

    @Test
    void shareAndConfigDoNotDependOnEachOtherBothWays() {
        boolean shareUsesConfig = sources().stream().filter(s -> s.under("share"))
                .anyMatch(s -> s.text().contains("io.dittofs.gateway.config"));
        boolean configUsesShare = sources().stream().filter(s -> s.under("config"))
                .anyMatch(s -> s.text().contains("io.dittofs.gateway.share"));
        assertThat(shareUsesConfig && configUsesShare).as("share -> config and config -> share").isFalse();
    }
}
