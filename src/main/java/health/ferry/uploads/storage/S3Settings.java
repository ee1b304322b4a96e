package health.ferry.uploads.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an S3-compatible bucket.
 *
 * @param endpoint        the service's URL (MinIO, Ceph, …); empty for AWS itself (derived from the region)
 * @param region          signing region ({@code us-east-1} suits most S3-compatible servers)
 * @param bucket          the bucket, created ahead of time by the operator
 * @param prefix          prepended to every key (e.g. {@code ferry/}); empty for none
 * @param pathStyle       address the bucket in the path (MinIO and most self-hosted servers need it)
 * @param accessKeyId     static credentials; empty uses the SDK's default chain (environment, profile, IAM role)
 * @param secretAccessKey the secret of {@code accessKeyId}
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, String prefix, boolean pathStyle,
        Optional<String> accessKeyId, Optional<String> secretAccessKey) {
    public S3Settings {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(region);
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("ferry.uploads.storage.s3.bucket is not set");
        }
        prefix = prefix == null ? "" : prefix;
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("set both ferry.uploads.storage.s3.access-key-id and "
                    + "ferry.uploads.storage.s3.secret-access-key, or neither");
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("aws") + ", bucket=" + bucket + "]";
    }
}
