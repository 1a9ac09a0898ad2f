package net.kbox.base;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment settings every feature shares: {@code KBOX_DATA_DIR} (its default is in
 * application.properties, where the embedded database's URL needs it too), {@code KBOX_PUBLIC_URL} and
 * {@code KBOX_APP_KEY}, {@code KBOX_DEFAULT_LANGUAGE}.
 *
 * @param dataDir where the application keeps its own files
 * @param publicUrl the address users open, for the links in e-mails; none: this machine on the port the server
 *     listens on ({@link PublicAddress} is where links lead)
 * @param appKey the key that encrypts secrets at rest ({@link AppKey}); none: a key file in {@code dataDir}
 * @param defaultLanguage the language of users whose browser asks for none the K-Box speaks, and of e-mails
 *     to users without a language: {@code en}, {@code de}, {@code fr} or {@code ru}; none: English
 */
@ConfigurationProperties("kbox")
public record KboxProperties(Path dataDir, @Nullable URI publicUrl, @Nullable String appKey,
        @Nullable String defaultLanguage) {

    public KboxProperties {
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null; // KBOX_PUBLIC_URL= (empty) in a compose file or a unit means: not set
        }
        if (publicUrl != null && !isWebAddress(publicUrl)) {
            throw new InvalidSettingException("KBOX_PUBLIC_URL", "KBOX_PUBLIC_URL must be the address users open, with "
                    + "http:// or https:// and without a user name, like https://kbox.example.org (it is \""
                    + publicUrl.toString().replaceAll("//[^/@]*@", "//…@") + "\").");
        }
        if (appKey != null && !appKey.isBlank() && !AppKey.isStrong(appKey)) {
            throw new InvalidSettingException("KBOX_APP_KEY", "KBOX_APP_KEY is too weak to encrypt secrets: it must be "
                    + AppKey.EXPECTED_FORM + ".");
        }
        if (defaultLanguage != null && !defaultLanguage.isBlank() && Languages.supported(defaultLanguage).isEmpty()) {
            throw new InvalidSettingException("KBOX_DEFAULT_LANGUAGE", "KBOX_DEFAULT_LANGUAGE must be one of en, de, "
                    + "fr, ru (it is \"" + defaultLanguage.strip() + "\").");
        }
    }

    /** An address a browser opens: http or https, a host, no user name or password, no query or fragment. */
    private static boolean isWebAddress(URI address) {
        String scheme = address.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && address.getHost() != null && address.getRawUserInfo() == null && address.getRawQuery() == null
                && address.getRawFragment() == null;
    }

    /** {@code KBOX_DEFAULT_LANGUAGE} as a locale; English when unset. */
    public Locale defaultLocale() {
        return Languages.supported(defaultLanguage).orElse(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return "KboxProperties[dataDir=" + dataDir + ", publicUrl=" + publicUrl + ", appKey="
                + (appKey == null || appKey.isBlank() ? "none" : "***") + ", defaultLanguage=" + defaultLanguage + "]";
    }
}
