package net.kbox.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import net.kbox.account.AccountTokens.IssuedToken;
import net.kbox.base.KboxProperties;
import net.kbox.mail.MailService;
import net.kbox.mail.OneTimeLink;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The account e-mails, rendered from templates (HTML with every value escaped, and plain text) and
 * queued through the mail feature within the caller's transaction. The product name is the From Name
 * users know.
 */
@Component
class AccountMails {

    static final String WELCOME = "WELCOME";
    static final String PASSWORD_RESET = "PASSWORD_RESET";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailService mail;
    private final Clock clock;
    private final String publicUrl;
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    AccountMails(MailService mail, Clock clock, KboxProperties properties) {
        this.mail = mail;
        this.clock = clock;
        this.publicUrl = properties.publicBase();
    }

    String setPasswordLink(String token) {
        return UriComponentsBuilder.fromUriString(publicUrl).path("/set-password").queryParam("token", token)
                .build().toUriString();
    }

    void welcome(UserAccount user, IssuedToken token, String inviter) {
        mail.queue(welcomeMail(user, token, inviter));
    }

    /** The welcome e-mail, rendered; its link's token is handed to mail apart from the body. */
    OutgoingMail welcomeMail(UserAccount user, IssuedToken token, String inviter) {
        String product = mail.senderName();
        return render(WELCOME, user, "Welcome to " + product + ": set your password", "welcome", Map.of(
                "name", user.getDisplayName(), "email", user.getEmail(), "product", product, "inviter", inviter,
                "link", setPasswordLink(token.token()), "expires", "in 72 hours"), token);
    }

    void reset(UserAccount user, IssuedToken token) {
        mail.queue(resetMail(user, token));
    }

    OutgoingMail resetMail(UserAccount user, IssuedToken token) {
        String product = mail.senderName();
        return render(PASSWORD_RESET, user, "Reset your " + product + " password", "reset", Map.of(
                "name", user.getDisplayName(), "email", user.getEmail(), "product", product,
                "link", setPasswordLink(token.token()), "expires", "in 60 minutes"), token);
    }

    void passwordChanged(UserAccount user) {
        String product = mail.senderName();
        mail.queue(render("PASSWORD_CHANGED", user, "Your " + product + " password was changed", "password-changed",
                Map.of("name", user.getDisplayName(), "email", user.getEmail(), "product", product,
                        "when", WHEN.format(clock.instant().atZone(ZoneOffset.UTC))), null));
    }

    private OutgoingMail render(String kind, UserAccount user, String subject, String template,
            Map<String, Object> values, @Nullable IssuedToken token) {
        var context = new Context(java.util.Locale.ENGLISH, values);
        context.setVariable("subject", subject);
        return new OutgoingMail(kind, user.getEmail(), subject, text.process(template, context),
                html.process(template, context), token == null ? null : new OneTimeLink(token.token(), token.expiresAt()));
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
