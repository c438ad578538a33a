package io.dittofs.block.config;

import static io.dittofs.block.grpc.Payloads.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.dittofs.block.BlockServiceApplication;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.GetVerifierRequest;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.Stability;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring as the launcher and the standalone application use it. */
class BlockServiceConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(BlockServiceConfiguration.class);

    @Test
    void defaultsToTheFsTierUnderTheDataDir() {
        runner.withPropertyValues("dittofs.data-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(BindableService.class)).isInstanceOf(BlockGrpcService.class);
            assertThat(ctx.getBean(BlockStores.class).local().toString()).isEqualTo("fs:" + dir.resolve("blocks"));
            assertThat(ctx.getBean(BlockStores.class).remote()).isNull();
        });
        assertThat(dir.resolve("blocks/checkpoint")).exists(); // flushed on shutdown
    }

    @Test
    void memoryTiers() {
        runner.withPropertyValues("dittofs.block.local.kind=memory", "dittofs.block.remote.kind=memory").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(BlockStores.class).remote().toString()).isEqualTo("memory");
        });
    }

    @Test
    void badValuesNameThePropertyAndTheChoices() {
        runner.withPropertyValues("dittofs.block.local.kind=tape").run(ctx -> assertThat(ctx).getFailure()
                .rootCause().hasMessageContaining("dittofs.block.local.kind must be one of fs, memory"));
        runner.withPropertyValues("dittofs.block.local.kind=memory", "dittofs.block.remote.kind=ftp").run(ctx -> assertThat(ctx)
                .getFailure().rootCause().hasMessageContaining("dittofs.block.remote.kind must be one of none, memory, s3"));
        runner.withPropertyValues("dittofs.block.local.kind=memory", "dittofs.block.remote.kind=s3").run(ctx -> assertThat(ctx)
                .getFailure().rootCause().hasMessageContaining("dittofs.block.remote.s3.bucket must be set"));
        runner.withPropertyValues("dittofs.block.local.kind=memory", "dittofs.block.block-size=1000").run(ctx -> assertThat(ctx)
                .getFailure().rootCause().hasMessageContaining("dittofs.block.block-size must be a power of two"));
    }

    @Test
    void standaloneApplicationServesOverTcpAndKeepsDataAcrossRestart() {
        String[] args = {"--dittofs.data-dir=" + dir, "--dittofs.block.grpc.listen=127.0.0.1:0"};
        ByteString verifier1;
        try (io.dittofs.service.StandaloneServer r = BlockServiceApplication.start(args)) {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + r.server().port());
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                stub.write(WriteRequest.newBuilder().setPayloadId(id("p")).setData(ByteString.copyFromUtf8("hello"))
                        .setStability(Stability.FILE_SYNC).build());
                verifier1 = stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier();
            } finally {
                ch.shutdownNow();
            }
        }
        try (io.dittofs.service.StandaloneServer r = BlockServiceApplication.start(args)) {
            ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + r.server().port());
            try {
                var stub = BlockServiceGrpc.newBlockingStub(ch);
                assertThat(stub.read(ReadRequest.newBuilder().setPayloadId(id("p")).setCount(100).build()).getData().toStringUtf8())
                        .isEqualTo("hello");
                assertThat(stub.getVerifier(GetVerifierRequest.getDefaultInstance()).getVerifier()).isNotEqualTo(verifier1);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void listenAddressErrorsAreClear() {
        assertThatThrownBy(() -> BlockServiceApplication.start("--dittofs.block.local.kind=memory", "--dittofs.block.grpc.listen=nope"))
                .hasMessageContaining("HOST:PORT");
    }
}
