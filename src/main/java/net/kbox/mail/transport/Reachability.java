package net.kbox.mail.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import net.kbox.mail.diagnosis.Diagnosis;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailErrorTranslator;

/**
 * The steps the transport takes itself before Angus speaks SMTP, each timed into the diagnosis: DNS,
 * bounded by the timeout (the JVM's own lookup has none), then, if the diagnosis expects it, a bare TCP
 * connect, so that "refused" and "no answer" are told apart from anything SMTP does.
 */
final class Reachability {

    private final Duration timeout;

    Reachability(Duration timeout) {
        this.timeout = timeout;
    }

    void check(Diagnosis diagnosis, String host, int port) throws IOException {
        InetAddress[] addresses = resolve(diagnosis, host);
        if (diagnosis.expects(Step.TCP)) {
            probe(diagnosis, addresses[0], port);
        }
    }

    private InetAddress[] resolve(Diagnosis diagnosis, String host) throws UnknownHostException {
        long start = System.nanoTime();
        var lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread.ofVirtual().name("dns-" + host).start(lookup);
        try {
            InetAddress[] addresses = lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            diagnosis.measured(Step.DNS, start, true, host + " → " + Arrays.stream(addresses)
                    .map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
            return addresses;
        } catch (ExecutionException e) {
            diagnosis.measured(Step.DNS, start, false, host + " does not resolve");
            throw e.getCause() instanceof UnknownHostException unknown ? unknown : new UnknownHostException(host);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            String noAnswer = "no DNS answer within " + MailErrorTranslator.seconds(timeout);
            diagnosis.measured(Step.DNS, start, false, noAnswer);
            throw new UnknownHostException(host + " (" + noAnswer + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + " (interrupted)");
        }
    }

    private void probe(Diagnosis diagnosis, InetAddress address, int port) throws IOException {
        long start = System.nanoTime();
        String target = address.getHostAddress() + " port " + port;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            diagnosis.measured(Step.TCP, start, true, target);
        } catch (IOException e) {
            diagnosis.measured(Step.TCP, start, false, target + ": " + e.getMessage());
            throw e;
        }
    }
}
