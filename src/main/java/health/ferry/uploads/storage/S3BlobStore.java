package health.ferry.uploads.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph RGW, …) through the AWS SDK for Java 2. Every instance sees
 * the same bucket; each keeps local working copies in its own upload folder. Client errors surface as
 * {@link IOException}s, so a store that is down makes a job retry rather than fail.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client s3;
    private final S3Settings settings;

    public S3BlobStore(S3Settings settings) {
        this.settings = settings;
        AwsCredentialsProvider credentials = settings.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().get(),
                        settings.secretAccessKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Ferry checks SHA-256 itself on every read; the SDK's extra CRC trailers are not understood by
                // every S3-compatible server, so they are only sent where the API requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
    }

    @Override
    public void publish(String key, Path local) throws IOException {
        call(() -> s3.putObject(b -> b.bucket(settings.bucket()).key(objectKey(key)), RequestBody.fromFile(local)));
    }

    @Override
    public boolean fetch(String key, Path target) throws IOException {
        try {
            call(() -> s3.getObject(b -> b.bucket(settings.bucket()).key(objectKey(key)),
                    ResponseTransformer.toFile(target)));
            return true;
        } catch (IOException e) {
            if (missing(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return call(() -> s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(objectKey(prefix)))
                .contents().stream().map(S3Object::key).map(k -> k.substring(settings.prefix().length()))
                .sorted().toList());
    }

    @Override
    public Optional<Instant> modified(String key) throws IOException {
        try {
            return Optional.of(call(() -> s3.headObject(b -> b.bucket(settings.bucket()).key(objectKey(key))))
                    .lastModified());
        } catch (IOException e) {
            if (missing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean copy(String from, String to) throws IOException {
        try {
            call(() -> s3.copyObject(b -> b.sourceBucket(settings.bucket()).sourceKey(objectKey(from))
                    .destinationBucket(settings.bucket()).destinationKey(objectKey(to))));
            return true;
        } catch (IOException e) {
            if (missing(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey(key))));
    }

    @Override
    public void check() throws IOException {
        call(() -> s3.headBucket(b -> b.bucket(settings.bucket())));
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public String describe() {
        return "s3 " + settings.endpoint().map(Object::toString).orElse("aws:" + settings.region()) + " bucket "
                + settings.bucket();
    }

    @Override
    public void close() {
        s3.close();
    }

    /** Whether the store answered that the key (or the bucket's object) does not exist. */
    private static boolean missing(IOException e) {
        return e.getCause() instanceof NoSuchKeyException
                || e.getCause() instanceof S3Exception s && s.statusCode() == 404;
    }

    private String objectKey(String key) {
        return settings.prefix() + key;
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new IOException("object storage: " + e.getClass().getSimpleName(), e);
        }
    }
}
