package net.kbox.base.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import net.kbox.base.Translations;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.kbox.security.SecurityHeaders;

/**
 * Tomcat's answer to a request it cannot even parse (a 10 kB query string, a broken request line) never
 * reaches the application: this valve replaces Tomcat's bare "HTTP Status 400" page with the
 * {@link ErrorPage} and writes one line to the log instead of Tomcat's stack trace.
 */
public class ProductErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProductErrorReportValve.class);
    private static final Translations TRANSLATIONS = new Translations();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (request.getContext() == null) { // a request the application never saw: say so once, in one line
            log.warn("Refused a malformed HTTP request from {}: {} ({})", request.getRemoteAddr(), status,
                    response.getMessage() != null ? response.getMessage()
                            : "its request line or headers could not be read, e.g. too long");
        }
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("utf-8");
            SecurityHeaders.applyTo(response, request.isSecure(), null);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorPage.html(status, TRANSLATIONS));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing to answer
        }
    }
}
