package io.dittofs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs in CI, so docker-compose.yml is validated statically: every service of
 * the stack is there, builds from a Dockerfile that exists, has a health check, and depends on what
 * it talks to; stateful services keep their data in named volumes. Beyond the YAML shape: each
 * image's main class exists in its module's build output (nothing depends on a service whose
 * module has no code yet), every environment variable a service gets is a key its code reads,
 * and the services point at each other so shares created through the published API reach the
 * gateway.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(r);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theWholeStackIsThere() {
        assertThat(services).containsKeys("gateway", "metadata", "block", "lock", "control-plane", "postgres", "s3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ourServicesBuildFromExistingDockerfilesOfExistingModules() throws IOException {
        Map<String, String> modules = Map.of("gateway", "protocol-gateway", "metadata", "metadata-service", "block",
                "block-service", "lock", "lock-service", "control-plane", "control-plane-service");
        for (var e : modules.entrySet()) {
            Map<String, Object> build = (Map<String, Object>) services.get(e.getKey()).get("build");
            assertThat(build).as(e.getKey()).isNotNull();
            Path dockerfile = ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"));
            assertThat(dockerfile).as(e.getKey()).isRegularFile();
            String text = Files.readString(dockerfile);
            assertThat(text).as(e.getKey() + " builds its module").contains("-pl " + e.getValue() + " ");
            assertThat(ROOT.resolve(e.getValue()).resolve("pom.xml")).isRegularFile();
            assertThat(text).contains("ENTRYPOINT");
        }
        assertThat((String) services.get("postgres").get("image")).startsWith("postgres:");
        assertThat((String) services.get("s3").get("image")).contains("s3proxy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAHealthCheck() {
        services.forEach((name, svc) -> {
            Map<String, Object> hc = (Map<String, Object>) svc.get("healthcheck");
            assertThat(hc).as(name).isNotNull();
            assertThat((List<String>) hc.get("test")).as(name).isNotEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesWaitForHealthyServicesThatExist() {
        Map<String, Set<String>> needs = Map.of("gateway", Set.of("metadata", "block", "control-plane"),
                "metadata", Set.of("postgres", "block"), "block", Set.of("s3"), "control-plane", Set.of("postgres", "metadata"));
        needs.forEach((svc, deps) -> {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(svc).get("depends_on");
            assertThat(dependsOn).as(svc).containsKeys(deps.toArray(String[]::new));
            dependsOn.forEach((dep, cond) -> {
                assertThat(services).as(svc + " depends on " + dep).containsKey(dep);
                assertThat(cond.get("condition")).isEqualTo("service_healthy");
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void statefulServicesUseDeclaredVolumesAndTheGatewayPublishesNfs() {
        Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
        for (String svc : List.of("postgres", "s3", "metadata", "block", "lock", "control-plane")) {
            List<String> vols = (List<String>) services.get(svc).get("volumes");
            assertThat(vols).as(svc).isNotEmpty();
            for (String v : vols) {
                assertThat(declared).as(svc + " volume " + v).containsKey(v.substring(0, v.indexOf(':')));
            }
        }
        assertThat((List<String>) services.get("gateway").get("ports")).contains("2049:2049/tcp");
        Map<String, String> env = (Map<String, String>) services.get("gateway").get("environment");
        assertThat(env.get("DITTOFS_GATEWAY_METADATATARGET")).isEqualTo("metadata:7101");
        assertThat(env.get("DITTOFS_GATEWAY_BLOCKTARGET")).isEqualTo("block:7102");
    }

    /** Services built from our modules: service -> {module, main class, Dockerfile text}. */
    @SuppressWarnings("unchecked")
    static Map<String, String[]> images() throws IOException {
        Map<String, String[]> out = new java.util.TreeMap<>();
        for (var e : services.entrySet()) {
            Map<String, Object> build = (Map<String, Object>) e.getValue().get("build");
            if (build == null) {
                continue;
            }
            String text = Files.readString(ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile")));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-pl ([\\w-]+) ").matcher(text);
            assertThat(m.find()).as(e.getKey() + " Dockerfile names its module").isTrue();
            String module = m.group(1);
            java.util.regex.Matcher main = java.util.regex.Pattern.compile("ENTRYPOINT \\[.*\"([\\w.]+)\"\\s*]").matcher(text);
            assertThat(main.find()).as(e.getKey() + " ENTRYPOINT ends with a main class").isTrue();
            out.put(e.getKey(), new String[] {module, main.group(1), text});
        }
        return out;
    }

    /** A module whose code is not written yet (no sources): its image cannot start. */
    static boolean hasCode(String module) throws IOException {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(src)) {
            return false;
        }
        try (var s = Files.walk(src)) {
            return s.anyMatch(p -> p.toString().endsWith(".java"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyImagesMainClassIsBuiltAndNothingDependsOnAnImageWithoutOne() throws IOException {
        Set<String> cannotStart = new java.util.TreeSet<>();
        for (var e : images().entrySet()) {
            String module = e.getValue()[0];
            String mainClass = e.getValue()[1];
            if (!hasCode(module)) {
                cannotStart.add(e.getKey());
                continue;
            }
            String path = mainClass.replace('.', '/') + ".class";
            Path classes = ROOT.resolve(module).resolve("target/classes").resolve(path);
            boolean inJar = false;
            try (var jars = Files.list(ROOT.resolve(module).resolve("target"))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                        inJar |= zip.getEntry(path) != null;
                    }
                }
            } catch (java.nio.file.NoSuchFileException notBuilt) {
                // no target directory: only the compiled classes could prove it, and they are absent too
            }
            assertThat(Files.isRegularFile(classes) || inJar)
                    .as(e.getKey() + ": main class " + mainClass + " is not in " + module + "'s build output").isTrue();
        }
        services.forEach((svc, def) -> {
            Map<String, Object> deps = (Map<String, Object>) def.get("depends_on");
            if (deps != null) {
                assertThat(deps.keySet().stream().filter(cannotStart::contains).toList())
                        .as(svc + " depends on an image that cannot start (its module has no code)").isEmpty();
            }
        });
    }

    /** Keys a service's code reads: its module plus the project modules it depends on. */
    static Set<String> keysReadBy(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        List<String> modules = new java.util.ArrayList<>(List.of(module));
        for (String lib : List.of("contracts", "service-support")) {
            if (pom.contains("<artifactId>" + lib + "</artifactId>")) {
                modules.add(lib);
            }
        }
        return ConfigKeys.of(ROOT, modules);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableIsAKeyTheServiceReads() throws IOException {
        Set<String> springOwned = Set.of("SPRING_", "SERVER_", "LOGGING_", "MANAGEMENT_", "JAVA_");
        for (var e : images().entrySet()) {
            String module = e.getValue()[0];
            if (!hasCode(module)) {
                continue; // nothing reads anything yet; see the main-class test
            }
            Set<String> read = new java.util.TreeSet<>();
            keysReadBy(module).forEach(k -> read.add(ConfigKeys.canonical(k)));
            Map<String, Object> env = new java.util.TreeMap<>();
            Object declared = services.get(e.getKey()).get("environment");
            if (declared != null) {
                env.putAll((Map<String, Object>) declared);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ENV (\\w+)=").matcher(e.getValue()[2]);
            while (m.find()) {
                env.put(m.group(1), "");
            }
            for (String name : env.keySet()) {
                if (springOwned.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                assertThat(read).as(e.getKey() + " gets " + name + ", which no key of " + module + " reads").contains(name);
            }
        }
    }

    @Test
    void theKeyScannerFindsNestedRecordKeys() throws IOException {
        Set<String> metadata = keysReadBy("metadata-service");
        assertThat(metadata).contains("dittofs.metadata.store", "dittofs.metadata.postgres.url", "dittofs.metadata.share-root.mode",
                "dittofs.metadata.content.block-target", ConfigKeys.LOOKUP + "dittofs.data-dir");
        assertThat(ConfigKeys.canonical("dittofs.metadata.share-root.mode")).isEqualTo("DITTOFS_METADATA_SHAREROOT_MODE");
        assertThat(ConfigKeys.canonical(ConfigKeys.LOOKUP + "dittofs.data-dir")).isEqualTo("DITTOFS_DATA_DIR");
        assertThat(keysReadBy("protocol-gateway")).contains("dittofs.nfs.port")
                .anyMatch(k -> k.endsWith("dittofs.gateway.control-target"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesPointAtEachOtherSoApiSharesReachTheGateway() throws IOException {
        // the variable the gateway's code reads for its control target, however that key is read today
        String controlTarget = keysReadBy("protocol-gateway").stream().filter(k -> k.endsWith("dittofs.gateway.control-target"))
                .map(ConfigKeys::canonical).findFirst().orElseThrow();
        Map<String, String> gateway = (Map<String, String>) services.get("gateway").get("environment");
        Map<String, String> control = (Map<String, String>) services.get("control-plane").get("environment");
        Map<String, String> metadata = (Map<String, String>) services.get("metadata").get("environment");
        String grpcPort = control.get("DITTOFS_CONTROL_GRPC_LISTEN").substring(control.get("DITTOFS_CONTROL_GRPC_LISTEN").lastIndexOf(':'));
        assertThat(gateway.get(controlTarget)).as("the gateway follows the control plane")
                .isEqualTo("control-plane" + grpcPort);
        assertThat(control.get("DITTOFS_CONTROL_NAMESPACE_METADATATARGET")).as("share roots made in the metadata-service")
                .isEqualTo("metadata:7101");
        assertThat(metadata.get("DITTOFS_METADATA_CONTENT_BLOCKTARGET")).as("released content drained to the block-service")
                .isEqualTo("block:7102");
        assertThat((List<String>) services.get("control-plane").get("ports")).contains("8080:8080");
    }
}
