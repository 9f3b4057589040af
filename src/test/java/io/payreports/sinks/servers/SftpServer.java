package io.payreports.sinks.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Apache MINA SSHD serving SFTP on 127.0.0.1 (random port) from a local directory, with a host key
 * generated on first start and kept across restarts, and a known_hosts file that trusts it.
 */
public final class SftpServer implements AutoCloseable {

    public static final String USER = "payreports";
    public static final String PASSWORD = "s3cret-sftp-password";

    private final Path root;
    private final Path hostKey;
    private SshServer server;
    private int port;

    private SftpServer(Path directory) throws IOException {
        this.root = Files.createDirectories(directory.resolve("root"));
        this.hostKey = directory.resolve("host-key.ser");
    }

    public static SftpServer start(Path directory) throws IOException {
        SftpServer sftp = new SftpServer(directory);
        sftp.start();
        return sftp;
    }

    /** Starts (again) on the same port, so the sink finds it where it was. */
    public synchronized void start() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        port = server.getPort();
    }

    public synchronized void stop() throws IOException {
        server.stop(true);
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    /** A known_hosts file with this server's host key, as {@code ssh-keyscan} would write it. */
    public Path knownHosts(Path file) throws Exception {
        var key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
