package net.kbox.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CPU time used by this JVM and by the tests' MariaDB server, so that a benchmark can tell what each
 * message costs the machine, not only how long it took. Read from the operating system
 * ({@link ProcessHandle.Info#totalCpuDuration()}); a figure the system does not give is shown as "n/a".
 */
public final class ProcessCpu {

    private final ProcessHandle jvm = ProcessHandle.current();
    private final Optional<ProcessHandle> database;

    private ProcessCpu(Optional<ProcessHandle> database) {
        this.database = database;
    }

    /** This JVM, and the {@code mariadbd} that listens on the port of the JDBC URL {@code jdbcUrl}. */
    public static ProcessCpu ofThisJvmAndTheDatabaseAt(String jdbcUrl) {
        int port = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        return new ProcessCpu(ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
                .filter(process -> process.info().arguments().map(Arrays::asList).orElse(List.of())
                        .contains("--port=" + port))
                .findFirst());
    }

    /** The CPU time both processes have used so far. */
    public Reading read() {
        return new Reading(cpu(jvm), database.map(ProcessCpu::cpu).orElse(null));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU time of the JVM and of the database ({@code null} if it was not found). */
    public record Reading(Duration jvm, @Nullable Duration database) {

        /** Microseconds of CPU per item since {@code before}: the JVM's and the database's. */
        public double[] microsPerItemSince(Reading before, int items) {
            double jvmMicros = jvm.minus(before.jvm()).toNanos() / 1e3 / items;
            Duration now = database;
            Duration then = before.database();
            double databaseMicros = now == null || then == null ? Double.NaN : now.minus(then).toNanos() / 1e3 / items;
            return new double[] {jvmMicros, databaseMicros};
        }
    }
}
