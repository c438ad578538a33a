package io.dittofs.block.remote.s3;

import io.dittofs.block.remote.RemoteStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The remote tier on S3 or any S3-compatible server (endpoint override, path-style addressing). */
public final class S3RemoteStore implements RemoteStore {

    /**
     * @param endpoint  empty = AWS; otherwise e.g. http://127.0.0.1:9000
     * @param accessKey empty = the SDK's default credential chain
     * @param prefix    prepended to every key (e.g. "dittofs/"), may be empty
     */
    public record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
                           boolean pathStyle, String prefix, Duration timeout) {
    }

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3RemoteStore(Settings s) {
        if (s.bucket() == null || s.bucket().isBlank()) {
            throw new IllegalArgumentException("dittofs.block.remote.s3.bucket must be set for the s3 remote tier");
        }
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(s.region() == null || s.region().isBlank() ? "us-east-1" : s.region()))
                .forcePathStyle(s.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(s.timeout()).socketTimeout(s.timeout()))
                .overrideConfiguration(c -> c.apiCallTimeout(s.timeout().multipliedBy(3)));
        if (s.endpoint() != null && !s.endpoint().isBlank()) {
            b.endpointOverride(URI.create(s.endpoint()));
        }
        if (s.accessKey() != null && !s.accessKey().isBlank()) {
            b.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey())));
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = b.build();
        this.bucket = s.bucket();
        this.prefix = s.prefix() == null ? "" : s.prefix();
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(prefix + key).contentLength((long) content.length), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw new IOException("S3 put " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(g -> g.bucket(bucket).key(prefix + key));
            return r.asByteArrayUnsafe();
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw new IOException("S3 get " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("S3 delete " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> list(String keyPrefix) throws IOException {
        Set<String> out = new TreeSet<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + keyPrefix).build())
                    .contents()) {
                out.add(o.key().substring(prefix.length()));
            }
        } catch (SdkException e) {
            throw new IOException("S3 list " + keyPrefix + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Creates the bucket if it does not exist (tests and first start against a fresh server). */
    public void ensureBucket() throws IOException {
        try {
            s3.headBucket(h -> h.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            try {
                s3.createBucket(c -> c.bucket(bucket));
            } catch (SdkException ce) {
                throw new IOException("cannot create bucket " + bucket + ": " + ce.getMessage(), ce);
            }
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                try {
                    s3.createBucket(c -> c.bucket(bucket));
                } catch (SdkException ce) {
                    throw new IOException("cannot create bucket " + bucket + ": " + ce.getMessage(), ce);
                }
            } else {
                throw new IOException("cannot reach bucket " + bucket + ": " + e.getMessage(), e);
            }
        } catch (SdkException e) {
            throw new IOException("cannot reach bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "s3:" + bucket + "/" + prefix;
    }
}
