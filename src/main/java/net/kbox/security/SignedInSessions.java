package net.kbox.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sessions follow their accounts (docs/adr/0015-sessions-follow-accounts.md). Every request of a signed-in
 * session, a click over the push connection included, first compares the account's stamp from the login
 * with its stamp now ({@link AccountStamps}): after a password change, a new role or a disabled account
 * the session is ended before the request does anything, and the browser lands on the login page. When
 * this instance makes the change, {@link #end} also sends every open tab of the user there at once.
 */
@Component
public class SignedInSessions implements VaadinServiceInitListener {

    /** Where an ended session's tabs are sent; the login page says why. */
    public static final String SIGNED_OUT_LOCATION = "login?signed-out";
    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final ObjectProvider<AccountStamps> stamps;
    private final Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();

    SignedInSessions(ObjectProvider<AccountStamps> stamps) {
        this.stamps = stamps;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.add(init.getSession()));
        event.getSource().addSessionDestroyListener(destroy -> sessions.remove(destroy.getSession()));
        event.addVaadinRequestInterceptor(new StampCheck());
    }

    /**
     * Sends every open tab of this user on this instance to the login page; the request that follows ends
     * the session. Call it after the change is committed.
     */
    public void end(String username) {
        for (VaadinSession session : sessions) {
            SignedInUser user = userOf(session.getSession());
            if (user != null && user.getUsername().equals(username)) {
                try {
                    session.access(() -> session.getUIs().forEach(ui -> ui.getPage().setLocation(SIGNED_OUT_LOCATION)));
                } catch (RuntimeException closing) {
                    log.debug("A session of {} was closing already", username, closing);
                }
            }
        }
    }

    private static @Nullable SignedInUser userOf(@Nullable WrappedSession session) {
        try {
            Object context = session == null ? null
                    : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext security && security.getAuthentication() != null
                    && security.getAuthentication().getPrincipal() instanceof SignedInUser user ? user : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Runs before Vaadin handles a request (HTTP or a message on the push connection). */
    private final class StampCheck implements VaadinRequestInterceptor {

        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {
            WrappedSession session = request.getWrappedSession(false);
            SignedInUser user = userOf(session);
            if (session == null || user == null) {
                return;
            }
            Optional<String> now;
            try {
                AccountStamps accounts = stamps.getIfAvailable();
                now = accounts == null ? Optional.of(user.stamp()) : accounts.current(user.getUsername());
            } catch (RuntimeException databaseDown) {
                return; // nothing can be changed without the database either; the next request checks again
            }
            if (!now.equals(Optional.of(user.stamp()))) {
                log.info("Ended the sessions of {}: the account changed", user.getUsername());
                SecurityContextHolder.clearContext();
                try {
                    session.invalidate();
                } catch (IllegalStateException invalidatedAlready) {
                    // another request ended it first
                }
            }
        }

        @Override
        public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession vaadinSession,
                Exception t) {
            // nothing to add to Vaadin's handling
        }

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
            // the check is done at the start
        }
    }
}
