package io.payreports.sinks.servers;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy on 127.0.0.1 (random port) over jclouds' in-memory blob store: a real S3 HTTP API with
 * AWS signature checks. The store outlives {@link #stop()}, so a restart finds the objects again.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "payreports-access";
    public static final String SECRET_KEY = "payreports-s3-secret-key";

    private final BlobStoreContext store = ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .buildView(BlobStoreContext.class);
    private S3Proxy proxy;
    private int port;

    public static S3Server start(String bucket) throws Exception {
        S3Server server = new S3Server();
        server.blobStore().createContainerInLocation(null, bucket);
        server.start();
        return server;
    }

    public synchronized void start() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        port = proxy.getPort();
    }

    public synchronized void stop() throws Exception {
        proxy.stop();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public BlobStore blobStore() {
        return store.getBlobStore();
    }

    @Override
    public void close() throws Exception {
        stop();
        store.close();
    }
}
