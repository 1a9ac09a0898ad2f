package net.kbox.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the body of the HTTP responses that carry UI state while a journey asks for it: the first state of a
 * page and the UIDL that Vaadin answers each round trip with. Web socket frames are read from the browser itself ({@link Browser#webSocketFrames()}).
 * Off by default; a component of the test sources, so every test application has it.
 */
@Component
class ResponseRecorder extends OncePerRequestFilter {

    private static final StringBuffer BODIES = new StringBuffer();
    private static volatile boolean recording;

    static void start() {
        BODIES.setLength(0);
        recording = true;
    }

    /** Everything the server answered since {@link #start()}. */
    static String stop() {
        recording = false;
        return BODIES.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String vaadinRequest = request.getParameter("v-r");
        // what the server tells the page: the first UI state (init) and each round trip (uidl); not the
        // static bundle, and not the push connection, whose response must stream
        boolean state = "init".equals(vaadinRequest) || "uidl".equals(vaadinRequest);
        if (!recording || !state || request.getHeader("Upgrade") != null) {
            chain.doFilter(request, response);
            return;
        }
        var caching = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, caching);
        } finally {
            BODIES.append(new String(caching.getContentAsByteArray(), StandardCharsets.UTF_8)).append('\n');
            caching.copyBodyToResponse();
        }
    }
}
