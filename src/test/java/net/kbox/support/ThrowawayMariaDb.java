package net.kbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own, started by {@code db/test-mariadb.sh} with extra server options
 * (a latin1 default, a binary log), with the database {@code kbox} and the user kbox / kbox-test.
 */
public final class ThrowawayMariaDb implements AutoCloseable {

    public static final String USER = "kbox";
    public static final String PASSWORD = "kbox-test";

    private final Path dir;
    private final int port;

    private ThrowawayMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a server with its data under {@code target/<name>}. */
    public static ThrowawayMariaDb start(String name, String... serverOptions) {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dir = Path.of("target", name).toAbsolutePath();
        var arguments = new ArrayList<>(List.of("start", dir.toString(), String.valueOf(port)));
        arguments.addAll(List.of(serverOptions));
        script(arguments);
        return new ThrowawayMariaDb(dir, port);
    }

    public String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/kbox";
    }

    /** Stops the server from answering without closing a connection (SIGSTOP), as a hung database does. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    @Override
    public void close() {
        thaw();
        script(List.of("stop", dir.toString()));
    }

    private void signal(String signal) {
        try {
            String pid = Files.readString(dir.resolve("mysqld.pid")).strip();
            Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void script(List<String> arguments) {
        var command = new ArrayList<>(List.of("bash", Path.of("db", "test-mariadb.sh").toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("db/test-mariadb.sh %s", arguments.getFirst()).isTrue();
            assertThat(process.exitValue()).as("db/test-mariadb.sh %s", arguments.getFirst()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
