package net.kbox.account.ui;

import jakarta.servlet.ServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The address a browser opened the K-Box at (scheme, host, port), and whether the links of account e-mails
 * lead there.
 *
 * <p>It is read from the servlet request as Tomcat hands it over: the host and port of the browser's
 * {@code Host} header, the scheme of the connection. Behind a reverse proxy listed in
 * {@code KBOX_TRUSTED_PROXIES} Tomcat has already replaced them with the proxy's {@code X-Forwarded-*} values
 * (server.forward-headers-strategy=native, {@code WebConfiguration}); from anyone else those headers are
 * ignored, here as everywhere in the K-Box. The browser's own {@code location} would need a round trip to
 * the browser on each page and would trust the client more than the rest of the application does. The
 * consequence: behind a proxy that is not trusted, the scheme and port are those between the proxy and the
 * K-Box (http, 8080), which is what a request that cannot be believed is said to be.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host a name or an address, lower case; an IPv6 address in brackets
 * @param port the port the browser used, also when it wrote none (80, 443)
 */
record OpenedAddress(String scheme, String host, int port) {

    /** The names of this machine that links to {@code localhost} reach from a browser on it. */
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");

    OpenedAddress {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
    }

    static OpenedAddress of(ServletRequest request) {
        return new OpenedAddress(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** As a browser's address bar shows it: {@code https://kbox.example.org}, {@code http://10.0.0.5:8080}. */
    String url() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /**
     * Whether a link to {@code base} opens the K-Box where this browser did: the same scheme and port, and the
     * same host or two names of this machine ({@code localhost} and {@code 127.0.0.1}).
     */
    boolean reachedBy(URI base) {
        var target = new OpenedAddress(String.valueOf(base.getScheme()), String.valueOf(base.getHost()),
                base.getPort() < 0 ? defaultPort(String.valueOf(base.getScheme())) : base.getPort());
        boolean sameHost = target.host.equals(host)
                || (THIS_MACHINE.contains(target.host) && THIS_MACHINE.contains(host));
        return target.scheme.equals(scheme) && target.port == port && sameHost;
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
