package net.kbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, as an administrator starts it: {@code net.kbox.Application} on
 * the build's class path, the test MariaDB, a free port, mail settings from {@code KBOX_MAIL_*} (or any
 * command that starts it, such as {@code java -jar} of the production jar: {@link #launch}). The
 * start is timed from the process launch to the first {@code 200} of {@code GET /login}. A separate
 * process, because a second Spring context in the tests' JVM would share Vaadin's JVM-global security
 * state (ADR 0002), and because its memory is then the application's alone.
 */
public final class StartedApplication implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Duration startUp;
    private final Path logFile;

    private StartedApplication(Process process, int port, Duration startUp, Path logFile) {
        this.process = process;
        this.port = port;
        this.startUp = startUp;
        this.logFile = logFile;
    }

    /**
     * Starts the application with the tests' database (the {@code it} profile) and these environment
     * variables and properties on top, and waits for the login page.
     */
    public static StartedApplication start(Map<String, String> environment, List<String> arguments, Duration patience) {
        int port = freePort();
        Path logFile = Path.of("target", "benchmark-app.log");
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        for (String name : List.of("kbox.test.db.url", "kbox.test.db.username", "kbox.test.db.password")) {
            command.add("-D" + name + "=" + System.getProperty(name));
        }
        command.add("net.kbox.Application");
        command.add("--spring.profiles.active=it");
        command.add("--server.port=" + port);
        command.addAll(arguments);
        return launch(command, environment, port, logFile, patience);
    }

    /**
     * Runs {@code command} (a JVM that starts the application on {@code port}) with these environment
     * variables on top, its output in {@code logFile}, and waits for the login page.
     */
    public static StartedApplication launch(List<String> command, Map<String, String> environment, int port,
            Path logFile, Duration patience) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = start + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped during its start; see " + logFile);
            }
            if (status("http://localhost:" + port + "/login") == 200) {
                return new StartedApplication(process, port, Duration.ofNanos(System.nanoTime() - start), logFile);
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("No login page within " + patience + "; see " + logFile);
    }

    /** From the process launch to the first served login page. */
    public Duration startUp() {
        return startUp;
    }

    public int port() {
        return port;
    }

    /** The resident memory of the application's process, from {@code /proc/PID/status} (VmRSS), in MiB. */
    public double residentMemoryMiB() {
        return residentMemoryMiB(Path.of("/proc", String.valueOf(process.pid()), "status"));
    }

    /** VmRSS of a {@code /proc/.../status} file, in MiB. */
    public static double residentMemoryMiB(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No VmRSS in " + status);
    }

    /** Stops the application (SIGTERM, a graceful shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "application on port " + port + " (log: " + logFile + ")";
    }

    private static int status(String url) {
        try {
            var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            connection.setInstanceFollowRedirects(false);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** The VmRSS of the application after it has been idle for {@code settle}, in MiB. */
    public double residentMemoryMiBAfter(Duration settle) {
        sleep(settle.toMillis());
        return residentMemoryMiB();
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
