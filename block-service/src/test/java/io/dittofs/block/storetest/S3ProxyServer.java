package io.dittofs.block.storetest;

import io.dittofs.block.remote.s3.S3RemoteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real S3-compatible server (s3proxy, in-memory backend) in a child JVM on 127.0.0.1. The jar is
 * copied to target/s3proxy by the build; without it the tests that need S3 fail, never skip.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ID = "dittofs-test";
    public static final String SECRET = "dittofs-test-secret";

    private final Path dir;
    private final int port;
    private Process process;

    private S3ProxyServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static S3ProxyServer start() throws Exception {
        Path dir = Files.createTempDirectory("s3proxy");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        S3ProxyServer server = new S3ProxyServer(dir, port);
        server.launch();
        return server;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy jar not found at " + jar.toAbsolutePath()
                    + " (the build copies it in process-test-resources; run through Maven)");
        }
        return jar;
    }

    /** (Re)starts the server on the same port. */
    public void launch() throws Exception {
        Path props = dir.resolve("s3proxy.properties");
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ID,
                "s3proxy.credential=" + SECRET,
                "jclouds.provider=transient-nio2",
                "jclouds.identity=" + ID,
                "jclouds.credential=" + SECRET, ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", jar().toString(),
                "org.gaul.s3proxy.Main", "--properties", props.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("s3proxy.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("s3proxy did not listen on 127.0.0.1:" + port + " within 90 s");
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of this server (or of a proxy in front of it on proxyPort), bucket created. */
    public S3RemoteStore client(String bucket, int viaPort, Duration timeout) throws IOException {
        S3RemoteStore s = new S3RemoteStore(new S3RemoteStore.Settings("http://127.0.0.1:" + viaPort, "us-east-1", bucket,
                ID, SECRET, true, "", timeout));
        return s;
    }

    public S3RemoteStore client(String bucket) throws IOException {
        S3RemoteStore s = client(bucket, port, Duration.ofSeconds(20));
        s.ensureBucket();
        return s;
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
