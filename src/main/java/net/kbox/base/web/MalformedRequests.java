package net.kbox.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Vaadin parameters no browser sends (a UI id that is not a number, an unknown
 * request type), before Vaadin answers it with "Internal error" and a stack trace: a 400 with the
 * {@link ErrorPage} and one line in the log.
 */
class MalformedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);
    private static final Map<String, Pattern> VAADIN_PARAMETERS = Map.of(
            "v-uiId", Pattern.compile("\\d{1,9}"),
            "v-r", Pattern.compile("[a-z][a-z-]{0,31}"),
            "v-pushId", Pattern.compile("[A-Za-z0-9-]{1,64}"));
    private static final int LOGGED_QUERY_LENGTH = 120;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request.getQueryString());
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        log.warn("Refused a malformed request from {}: {} {}?{} ({})", request.getRemoteAddr(), request.getMethod(),
                request.getRequestURI(), query.length() > LOGGED_QUERY_LENGTH ? query.substring(0, LOGGED_QUERY_LENGTH) + "…"
                        : query, problem);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /** What is wrong with the Vaadin parameters of a query string, or {@code null}. */
    static @Nullable String problem(@Nullable String query) {
        if (query == null || !query.contains("v-")) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Pattern expected = name == null ? null : VAADIN_PARAMETERS.get(name);
            if (name == null) {
                return "undecodable parameter";
            }
            if (expected != null) {
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (value == null || !expected.matcher(value).matches()) {
                    return "invalid " + name;
                }
            }
        }
        return null;
    }

    private static @Nullable String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
