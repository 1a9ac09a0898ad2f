package net.kbox.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login or logout form sent from another site (login CSRF: a page elsewhere logs the visitor
 * into an account of the attacker's) with 403, before a session exists: the browser says where the form
 * came from ({@code Sec-Fetch-Site}, {@code Origin}). A form without those headers still needs the CSRF
 * token of the login page, which Spring Security checks next.
 */
class CrossSiteRequests extends OncePerRequestFilter {

    private final String loginPath;
    private final String logoutPath;
    private final @Nullable URI publicUrl;

    /** @param publicUrl the address users open ({@code KBOX_PUBLIC_URL}): behind a proxy the request may not know it */
    CrossSiteRequests(String loginPath, String logoutPath, @Nullable URI publicUrl) {
        this.loginPath = loginPath;
        this.logoutPath = logoutPath;
        this.publicUrl = publicUrl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !"POST".equals(request.getMethod()) || !(path.equals(loginPath) || path.equals(logoutPath));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A browser says in {@code Sec-Fetch-Site} where a form comes from, and pages cannot forge it; a browser
     * without it may still send {@code Origin}. A request with neither is left to the CSRF token.
     */
    boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        URI uri = parse(origin);
        return uri == null || !(sameOrigin(uri, request.getScheme(), request.getServerName(), request.getServerPort())
                || (publicUrl != null && sameOrigin(uri, publicUrl.getScheme(), publicUrl.getHost(), port(publicUrl))));
    }

    private static boolean sameOrigin(URI origin, @Nullable String scheme, @Nullable String host, int port) {
        return origin.getScheme() != null && origin.getHost() != null && host != null
                && origin.getScheme().toLowerCase(Locale.ROOT).equals(scheme) && origin.getHost().equalsIgnoreCase(host)
                && port(origin) == port;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static @Nullable URI parse(String origin) {
        try {
            return URI.create(origin);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
