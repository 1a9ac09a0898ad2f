package net.kbox.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import net.kbox.account.AccountTokens.IssuedToken;
import net.kbox.base.Languages;
import net.kbox.base.PublicAddress;
import net.kbox.base.Translations;
import net.kbox.mail.MailService;
import net.kbox.mail.OneTimeLink;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The account e-mails, rendered from templates (HTML with every value escaped, and plain text) in the
 * recipient's language, their sentences from the translations ({@code #{email.…}}), and queued through the
 * mail feature within the caller's transaction. The product name is the From Name users know.
 */
@Component
class AccountMails {

    static final String WELCOME = "WELCOME";
    static final String PASSWORD_RESET = "PASSWORD_RESET";

    private final MailService mail;
    private final Clock clock;
    private final Translations translations;
    private final Languages languages;
    private final PublicAddress links;
    private final TemplateEngine html;
    private final TemplateEngine text;

    AccountMails(MailService mail, Clock clock, PublicAddress links, Translations translations,
            Languages languages) {
        this.mail = mail;
        this.clock = clock;
        this.translations = translations;
        this.languages = languages;
        this.links = links;
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
    }

    /** Made when the e-mail is: the port the server listens on is known only once it has started. */
    String setPasswordLink(String token) {
        return UriComponentsBuilder.fromUriString(links.base()).path("/set-password").queryParam("token", token)
                .build().toUriString();
    }

    void welcome(UserAccount user, IssuedToken token, String inviter) {
        mail.queue(welcomeMail(user, token, inviter));
    }

    /** The welcome e-mail, rendered in the user's language; its link's token is handed to mail apart from the body. */
    OutgoingMail welcomeMail(UserAccount user, IssuedToken token, String inviter) {
        return render(WELCOME, user, "email.welcome.subject", "welcome", Map.of("inviter", inviter,
                "link", setPasswordLink(token.token())), token);
    }

    void reset(UserAccount user, IssuedToken token) {
        mail.queue(resetMail(user, token));
    }

    OutgoingMail resetMail(UserAccount user, IssuedToken token) {
        return render(PASSWORD_RESET, user, "email.reset.subject", "reset", Map.of("link", setPasswordLink(token.token())),
                token);
    }

    void passwordChanged(UserAccount user) {
        Locale language = languages.forRecipient(user.getLanguage());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language)
                .format(clock.instant().atZone(ZoneOffset.UTC));
        mail.queue(render("PASSWORD_CHANGED", user, "email.password-changed.subject", "password-changed",
                Map.of("when", when), null));
    }

    private OutgoingMail render(String kind, UserAccount user, String subjectKey, String template,
            Map<String, Object> values, @Nullable IssuedToken token) {
        Locale language = languages.forRecipient(user.getLanguage());
        String product = mail.senderName();
        String subject = translations.getTranslation(subjectKey, language, product);
        var context = new Context(language, values);
        context.setVariable("name", user.getDisplayName());
        context.setVariable("email", user.getEmail());
        context.setVariable("product", product);
        context.setVariable("subject", subject);
        return new OutgoingMail(kind, user.getEmail(), subject, text.process(template, context),
                html.process(template, context), token == null ? null : new OneTimeLink(token.token(), token.expiresAt()));
    }

    private TemplateEngine engine(TemplateMode mode, String suffix) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail-templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new TranslationsMessages());
        return engine;
    }

    /** {@code #{key(arguments)}} in a template: the text of the key in the e-mail's language. */
    private final class TranslationsMessages extends AbstractMessageResolver {

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
            return translations.getTranslation(key, context.getLocale(), arguments == null ? new Object[0] : arguments);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                Object[] arguments) {
            return key;
        }
    }
}
