package net.kbox.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response, written before anything else runs (so error pages and
 * Vaadin's own pages carry them too). The Content-Security-Policy is as strict as Vaadin Flow allows
 * (docs/adr/0020-security-headers-and-csp.md): scripts only from this origin or
 * inline with this response's nonce ({@link ScriptNonces} puts it on Vaadin's inline bootstrap scripts),
 * plus {@code 'unsafe-eval'} because Flow runs the JavaScript the server sends with {@code new Function};
 * inline styles because Vaadin sets style attributes; nothing may frame the application.
 */
public final class SecurityHeaders extends OncePerRequestFilter {

    /** The request attribute that holds the response's script nonce. */
    public static final String NONCE_ATTRIBUTE = SecurityHeaders.class.getName() + ".nonce";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        applyTo(response, request.isSecure(), nonce);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Writes the headers on a response; without a nonce, no inline script may run. */
    public static void applyTo(HttpServletResponse response, boolean secure, @Nullable String nonce) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    static String contentSecurityPolicy(@Nullable String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' " + (nonce == null ? "" : "'nonce-" + nonce + "' ") + "'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
