package net.kbox.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Another program on the machine that wants a whole core, as a neighbour's build does: a shell spinning
 * in a loop, a process of its own (not a thread of the measured JVM, so its CPU time is not counted as
 * ours). On two cores it leaves one for the measured work: whatever the dispatcher does beside the SMTP
 * ping-pong then competes with the sending instead of using an idle core.
 */
public final class CpuNeighbour implements AutoCloseable {

    private final Process process;

    private CpuNeighbour(Process process) {
        this.process = process;
    }

    public static CpuNeighbour start() throws IOException {
        var process = new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new CpuNeighbour(process);
    }

    /** CPU time the neighbour has used so far. */
    public Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
