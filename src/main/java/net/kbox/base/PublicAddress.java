package net.kbox.base;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the links the K-Box hands out lead (account e-mails, the address in the start-up log): the one
 * answer to that question. {@code KBOX_PUBLIC_URL} when it is set; else this machine on the port the web
 * server listens on, {@code http://localhost:<port>}, so that {@code SERVER_PORT=9090} gives links to 9090.
 *
 * <p>The port is read each time a link is made, not when a bean is created: Spring Boot tells it
 * ({@code local.server.port}) only once the web server has started, after most beans were made, and a port
 * of 0 (a random one) is known only then. Before that, and without a web server, it is {@code server.port},
 * else {@value #DEFAULT_PORT}.
 */
@Component
public class PublicAddress {

    /** The port of the links when neither the running server nor {@code server.port} names one. */
    static final int DEFAULT_PORT = 8080;

    private final KboxProperties properties;
    private final Environment environment;

    public PublicAddress(KboxProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Whether {@code KBOX_PUBLIC_URL} is set, so that the links do not depend on where the server listens. */
    public boolean isSet() {
        return properties.publicUrl() != null;
    }

    /** Where links lead, without a trailing slash, ready to append a path to. */
    public String base() {
        URI set = properties.publicUrl();
        return set != null ? set.toString().replaceAll("/+$", "") : "http://localhost:" + port();
    }

    /** The port the web server listens on, as far as it is known yet. */
    private int port() {
        for (String name : new String[] {"local.server.port", "server.port"}) {
            Integer port = environment.getProperty(name, Integer.class);
            if (port != null && port > 0) {
                return port;
            }
        }
        return DEFAULT_PORT;
    }
}
