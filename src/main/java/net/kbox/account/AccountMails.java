package net.kbox.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.OutgoingMail;
import net.kbox.mail.settings.MailSettingsService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The account e-mails, rendered from templates (HTML with every value escaped, and plain text) and
 * queued in the outbox within the caller's transaction.
 */
@Component
class AccountMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Outbox outbox;
    private final MailSettingsService settings;
    private final Clock clock;
    private final String publicUrl;
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    AccountMails(Outbox outbox, MailSettingsService settings, Clock clock,
            @Value("${kbox.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    String setPasswordLink(String token) {
        return UriComponentsBuilder.fromUriString(publicUrl).path("/set-password").queryParam("token", token)
                .build().toUriString();
    }

    void welcome(UserAccount user, String token, String inviter) {
        String product = product();
        queue("WELCOME", user, "Welcome to " + product + ": set your password", "welcome", Map.of(
                "name", user.getDisplayName(), "email", user.getEmail(), "product", product, "inviter", inviter,
                "link", setPasswordLink(token), "expires", "in 72 hours"));
    }

    void reset(UserAccount user, String token) {
        String product = product();
        queue("PASSWORD_RESET", user, "Reset your " + product + " password", "reset", Map.of(
                "name", user.getDisplayName(), "email", user.getEmail(), "product", product,
                "link", setPasswordLink(token), "expires", "in 60 minutes"));
    }

    void passwordChanged(UserAccount user) {
        String product = product();
        queue("PASSWORD_CHANGED", user, "Your " + product + " password was changed", "password-changed", Map.of(
                "name", user.getDisplayName(), "email", user.getEmail(), "product", product,
                "when", WHEN.format(clock.instant().atZone(ZoneOffset.UTC))));
    }

    private void queue(String kind, UserAccount user, String subject, String template, Map<String, Object> values) {
        var context = new Context(java.util.Locale.ENGLISH, values);
        context.setVariable("subject", subject);
        outbox.enqueue(new OutgoingMail(kind, user.getEmail(), subject, text.process(template, context),
                html.process(template, context)));
    }

    /** The From Name is the product name users know; "K-Box" until it is set. */
    private String product() {
        String name = settings.effective().fromName();
        return name == null || name.isBlank() ? "K-Box" : name;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail-templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
