package net.kbox.mail.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import net.kbox.mail.MailDriver;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The mail feature's deployment settings, from {@code KBOX_MAIL_*}: the values the Mail page can
 * override, and those only the deployment sets (driver, timeout, extra CA certificates, outbox interval).
 * Values are checked here, at start: an invalid one stops the start with a message naming the variable.
 * Missing required values do not stop it: the administrator is told about them after logging in.
 *
 * @param auth how to log in to the SMTP server ({@code KBOX_MAIL_AUTH}); {@code null}: not set (password)
 * @param oauth the OAuth 2.0 login ({@code KBOX_MAIL_OAUTH_*})
 * @param timeout the limit of every connect, read and write with the SMTP server ({@code KBOX_MAIL_TIMEOUT})
 * @param caCertificates a PEM bundle trusted besides the JVM's CAs ({@code KBOX_MAIL_CA_CERTIFICATES})
 * @param outbox how often the outbox is looked at ({@code KBOX_MAIL_OUTBOX_INTERVAL}), and when a silent
 *     instance's claims are taken over; tests switch the schedule off and run the dispatcher themselves
 */
@ConfigurationProperties("kbox.mail")
public record MailDeploymentProperties(
        MailDriver driver,
        @Nullable String host,
        @Nullable Integer port,
        @Nullable MailEncryption encryption,
        @Nullable String username,
        @Nullable String password,
        @Nullable String fromAddress,
        @Nullable String fromName,
        @Nullable MailAuthentication auth,
        OAuthDeployment oauth,
        Duration timeout,
        @Nullable Path caCertificates,
        Outbox outbox) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Named where a certificate is not trusted: the place to add its certificate authority. */
    public static final String CA_CERTIFICATES_VARIABLE = "KBOX_MAIL_CA_CERTIFICATES";

    /** Binds the raw strings, so that a bad value gets our message instead of a conversion error. */
    @ConstructorBinding
    MailDeploymentProperties(@Nullable String driver, @Nullable String host, @Nullable String port,
            @Nullable String encryption, @Nullable String username, @Nullable String password, @Nullable From from,
            @Nullable String auth, @DefaultValue OAuthDeployment oauth, @Nullable String timeout,
            @Nullable String caCertificates, @DefaultValue Outbox outbox) {
        this(parseDriver(driver), parseHost(host), parsePort(port), parseEncryption(encryption), blankToNull(username),
                blankToNull(password), parseFromAddress(from == null ? null : from.address()),
                parseFromName(from == null ? null : from.name()), parseAuth(auth), oauth, parseTimeout(timeout),
                caCertificates == null || caCertificates.isBlank() ? null : Path.of(caCertificates.strip()), outbox);
    }

    /** {@code KBOX_MAIL_FROM_ADDRESS} and {@code KBOX_MAIL_FROM_NAME}. */
    public record From(@Nullable String address, @Nullable String name) {
    }

    /**
     * @param interval how long the dispatcher waits between two looks at the outbox
     * @param scheduled whether it looks by itself (tests run it by hand)
     * @param heartbeat how often a living instance renews the lease of its claims
     *     ({@code KBOX_MAIL_OUTBOX_HEARTBEAT})
     * @param takeoverAfter how long an instance may stay silent, by the database's clock, before another
     *     takes its claimed e-mails over ({@code KBOX_MAIL_OUTBOX_TAKEOVER_AFTER}, ADR 0005); at least
     *     three heartbeats
     */
    public record Outbox(@DefaultValue("5s") Duration interval, @DefaultValue("true") boolean scheduled,
            @DefaultValue("10s") Duration heartbeat, @DefaultValue("60s") Duration takeoverAfter) {

        public Outbox {
            if (heartbeat.isNegative() || heartbeat.isZero() || takeoverAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("KBOX_MAIL_OUTBOX_TAKEOVER_AFTER (" + takeoverAfter + ") must be at "
                        + "least three times KBOX_MAIL_OUTBOX_HEARTBEAT (" + heartbeat + "), which must be positive");
            }
        }
    }

    /** Only the driver's default: nothing set in the deployment. */
    static MailDeploymentProperties none() {
        return new MailDeploymentProperties(MailDriver.SMTP, null, null, null, null, null, null, null, null,
                OAuthDeployment.NONE, DEFAULT_TIMEOUT, null, new Outbox(Duration.ofSeconds(5), true, Duration.ofSeconds(10),
                Duration.ofSeconds(60)));
    }

    /** The same deployment with other values for the eight settings the Mail page can override (tests). */
    MailDeploymentProperties withSettings(MailDriver driver, @Nullable String host, @Nullable Integer port,
            @Nullable MailEncryption encryption, @Nullable String username, @Nullable String password,
            @Nullable String fromAddress, @Nullable String fromName) {
        return new MailDeploymentProperties(driver, host, port, encryption, username, password, fromAddress, fromName,
                auth, oauth, timeout, caCertificates, outbox);
    }

    /** The same deployment with another OAuth 2.0 login (tests). */
    MailDeploymentProperties withLogin(@Nullable MailAuthentication auth, OAuthDeployment oauth) {
        return new MailDeploymentProperties(driver, host, port, encryption, username, password, fromAddress, fromName,
                auth, oauth, timeout, caCertificates, outbox);
    }

    /** The login method when none is saved here: the deployment's, else the password. */
    MailAuthentication authOrDefault() {
        return auth != null ? auth : MailAuthentication.PASSWORD;
    }

    private static MailDriver parseDriver(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return MailDriver.SMTP;
        }
        try {
            return MailDriver.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidDeploymentSettingException("KBOX_MAIL_DRIVER",
                    "KBOX_MAIL_DRIVER must be 'smtp' or 'log', not '" + value + "'.");
        }
    }

    private static @Nullable String parseHost(@Nullable String value) {
        String host = blankToNull(value);
        if (host != null && MailSettingsRules.checkHost(host).isPresent()) {
            throw new InvalidDeploymentSettingException("KBOX_MAIL_HOST", "KBOX_MAIL_HOST must be a host name or IP "
                    + "address without scheme, port or spaces (e.g. smtp.example.com), not '" + host + "'.");
        }
        return host;
    }

    private static @Nullable Integer parsePort(@Nullable String value) {
        String port = blankToNull(value);
        if (port == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(port.strip());
            if (MailSettingsRules.checkPort(number).isEmpty()) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidDeploymentSettingException("KBOX_MAIL_PORT",
                "KBOX_MAIL_PORT must be a number from 1 to 65535 (usually 587 or 465), not '" + value + "'.");
    }

    private static @Nullable MailEncryption parseEncryption(@Nullable String value) {
        String encryption = blankToNull(value);
        if (encryption == null) {
            return null;
        }
        return switch (encryption.strip().toLowerCase(Locale.ROOT)) {
            case "starttls" -> MailEncryption.STARTTLS;
            case "tls", "ssl" -> MailEncryption.TLS;
            default -> throw new InvalidDeploymentSettingException("KBOX_MAIL_ENCRYPTION",
                    "KBOX_MAIL_ENCRYPTION must be 'starttls' or 'tls' (implicit TLS), not '" + value
                            + "'. Sending without encryption is not supported.");
        };
    }

    private static @Nullable MailAuthentication parseAuth(@Nullable String value) {
        String auth = blankToNull(value);
        if (auth == null) {
            return null;
        }
        return MailAuthentication.fromConfigValue(auth).orElseThrow(() -> new InvalidDeploymentSettingException(
                "KBOX_MAIL_AUTH", "KBOX_MAIL_AUTH must be 'password', 'microsoft365', 'google' or 'oauth2', not '"
                        + auth + "'."));
    }

    private static Duration parseTimeout(@Nullable String value) {
        String timeout = blankToNull(value);
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration parsed = DurationStyle.detectAndParse(timeout);
            if (!parsed.isNegative() && !parsed.isZero() && parsed.toMillis() <= Integer.MAX_VALUE) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidDeploymentSettingException("KBOX_MAIL_TIMEOUT",
                "KBOX_MAIL_TIMEOUT must be a positive duration such as 10s or 1m, not '" + value + "'.");
    }

    private static @Nullable String parseFromAddress(@Nullable String value) {
        String address = blankToNull(value);
        if (address != null && MailSettingsRules.checkFromAddress(address).isPresent()) {
            throw new InvalidDeploymentSettingException("KBOX_MAIL_FROM_ADDRESS",
                    "KBOX_MAIL_FROM_ADDRESS must be a single e-mail address like no-reply@your-organization.com, not '"
                            + address + "'.");
        }
        return address;
    }

    private static @Nullable String parseFromName(@Nullable String value) {
        String name = blankToNull(value);
        if (name != null && MailSettingsRules.checkFromName(name).isPresent()) {
            throw new InvalidDeploymentSettingException("KBOX_MAIL_FROM_NAME",
                    "KBOX_MAIL_FROM_NAME must be a single line of at most " + MailSettingsRules.FROM_NAME_MAX_LENGTH
                            + " characters.");
        }
        return name;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "MailDeploymentProperties[driver=" + driver + ", host=" + host + ", port=" + port + ", encryption="
                + encryption + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", fromAddress=" + fromAddress + ", fromName=" + fromName + ", auth=" + auth + ", oauth=" + oauth
                + ", timeout=" + timeout + ", caCertificates="
                + caCertificates + ", outbox=" + outbox + "]";
    }
}
