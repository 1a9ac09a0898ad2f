package net.kbox.mail.transport;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceEventView;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The log driver: nothing leaves the machine. The complete message, headers and body, is written
 * to the application log and recorded as a "mail (log driver)" event that administrators can read
 * on Maintenance and events.
 */
@Component
public class LogTransport {

    private final MaintenanceService maintenance;
    private final Clock clock;

    LogTransport(MaintenanceService maintenance, Clock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
    }

    public MaintenanceEventView deliver(EffectiveMailSettings settings, MailMessage message, @Nullable String actor) {
        return maintenance.record(EventLevel.INFO, EventCategory.MAIL_LOG_DRIVER,
                "E-mail to " + message.to() + " written to the log (not sent): " + message.subject(),
                render(settings, message), actor);
    }

    /** One-time links are secrets: the log and the events page show that there was one, never the token. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("([?&]token=)[A-Za-z0-9_-]{16,}");

    static String hideTokens(String text) {
        return TOKEN.matcher(text).replaceAll("$1[one-time token hidden]");
    }

    /** The message as a mail client would show its source, decoded so that it can be read. */
    String render(EffectiveMailSettings settings, MailMessage message) {
        return hideTokens(renderAll(settings, message));
    }

    private String renderAll(EffectiveMailSettings settings, MailMessage message) {
        var text = new StringBuilder();
        text.append("From: ").append(from(settings)).append('\n');
        text.append("To: ").append(message.to()).append('\n');
        text.append("Subject: ").append(message.subject()).append('\n');
        text.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(clock.getZone())))
                .append('\n');
        message.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        text.append("Content-Type: ").append(message.html() == null ? "text/plain; charset=UTF-8"
                : "multipart/alternative (text/plain and text/html, UTF-8)").append("\n\n");
        text.append(message.text());
        if (message.html() != null) {
            text.append("\n\n----- text/html -----\n").append(message.html());
        }
        return text.toString();
    }

    private static String from(EffectiveMailSettings settings) {
        String address = settings.fromAddress() == null ? "(no From Address)" : settings.fromAddress();
        if (settings.fromName() == null) {
            return address;
        }
        try {
            return new InternetAddress(address, settings.fromName(), "UTF-8").toUnicodeString();
        } catch (UnsupportedEncodingException e) {
            return settings.fromName() + " <" + address + ">";
        }
    }
}
