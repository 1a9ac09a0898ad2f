package net.kbox.base.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.kbox.base.InvalidSettingException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code KBOX_TRUSTED_PROXIES}: the reverse proxies (IP addresses or CIDR ranges, comma-separated) whose
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} name the client and the scheme. Empty: no proxy is
 * trusted, the client is whoever opened the connection, and a forged header changes nothing.
 */
@ConfigurationProperties("kbox")
public record ProxyProperties(List<String> trustedProxies) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public ProxyProperties(@Nullable List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty()).map(ProxyProperties::checked)
                        .toList();
    }

    /** The trusted proxies as Tomcat's RemoteIpValve takes them: CIDR ranges, comma-separated; empty for none. */
    String internalProxies() {
        return trustedProxies.stream().map(entry -> entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(","));
    }

    private static String checked(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        String prefix = entry.contains("/") ? entry.substring(entry.indexOf('/') + 1) : null;
        boolean v4 = IPV4.matcher(address).matches();
        boolean v6 = !v4 && IPV6.matcher(address).matches() && isIpv6(address);
        int maxPrefix = v4 ? 32 : 128;
        if ((!v4 && !v6) || (prefix != null && !validPrefix(prefix, maxPrefix))) {
            throw new InvalidSettingException("KBOX_TRUSTED_PROXIES", "KBOX_TRUSTED_PROXIES must list IP addresses or CIDR "
                    + "ranges of your reverse proxies, separated by commas (e.g. 10.0.0.5, 172.18.0.0/16), not '" + entry + "'");
        }
        return entry;
    }

    private static boolean validPrefix(String prefix, int max) {
        return prefix.matches("\\d{1,3}") && Integer.parseInt(prefix) <= max;
    }

    private static boolean isIpv6(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress().length == 16; // a literal with ':' is never looked up
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
