package io.dittofs.block.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dittofs.block.*}. Kinds are validated at start-up; a typo fails with the accepted values.
 *
 * @param local     the local tier (authoritative for everything not yet on the remote tier)
 * @param remote    the remote tier; {@code none} keeps everything local and never evicts
 * @param blockSize bytes per block, a power of two (fixed once a local tier has data)
 * @param dirtyLimitBytes unsealed bytes in memory that trigger a checkpoint
 * @param walLimitBytes   log size that triggers a checkpoint
 * @param checkpointInterval a checkpoint at least this often while anything is dirty
 * @param hashBehindBytes UNSTABLE whole-block writes may be answered before their blocks are hashed, up to this
 *                        many bytes pending (0 = hash on the request path)
 * @param grpc      standalone listen address (ignored when the launcher hosts the service)
 */
@ConfigurationProperties(prefix = "dittofs.block")
public record BlockProperties(
        @DefaultValue Local local,
        @DefaultValue Remote remote,
        @DefaultValue("1048576") long blockSize,
        @DefaultValue("67108864") long dirtyLimitBytes,
        @DefaultValue("268435456") long walLimitBytes,
        @DefaultValue("5s") Duration checkpointInterval,
        @DefaultValue("33554432") long hashBehindBytes,
        @DefaultValue Grpc grpc) {

    /**
     * @param kind          fs | memory
     * @param path          default {@code ${dittofs.data-dir:./data}/blocks}
     * @param cacheMaxBytes bound of blocks kept locally once they are on the remote tier (0 = unbounded)
     * @param quotaBytes    hard limit of the local tier (0 = the device's size); reaching it answers NOSPC
     * @param mappedReads   fs: reads inside one sealed block borrow the bytes of a read-only mapping
     *                      of the block instead of a read() into a fresh array
     */
    public record Local(@DefaultValue("fs") String kind, String path, @DefaultValue("0") long cacheMaxBytes,
                        @DefaultValue("0") long quotaBytes, @DefaultValue("true") boolean mappedReads) {
    }

    /**
     * @param kind               none | memory | s3
     * @param uploadParallelism  uploads (and deletes) to the remote tier in flight at once
     * @param readAheadBlocks    on sequential reads, blocks ahead fetched from the remote tier when not local
     */
    public record Remote(@DefaultValue("none") String kind, @DefaultValue S3 s3,
                         @DefaultValue("8") int uploadParallelism, @DefaultValue("4") int readAheadBlocks) {
    }

    public record S3(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region, @DefaultValue("") String bucket,
                     @DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
                     @DefaultValue("true") boolean pathStyle, @DefaultValue("") String prefix,
                     @DefaultValue("30s") Duration timeout) {
    }

    public record Grpc(@DefaultValue("127.0.0.1:7102") String listen) {
    }
}
