package net.kbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.kbox.TestAccounts;
import net.kbox.account.PasswordResets;
import net.kbox.account.UserAdministration;
import net.kbox.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Accounts for tests, added by the bootstrap administrator through the same services as the Users page,
 * their links read from the queued e-mail (no SMTP server needed). A plain component of the test sources.
 */
@Component
public class NewAccounts {

    public static final String PASSWORD = "a proper long passphrase";
    private static final Pattern TOKEN = Pattern.compile("/set-password\\?token=([A-Za-z0-9_-]+)");

    private final UserAdministration administration;
    private final PasswordResets resets;
    private final JdbcTemplate jdbc;

    NewAccounts(UserAdministration administration, PasswordResets resets, JdbcTemplate jdbc) {
        this.administration = administration;
        this.resets = resets;
        this.jdbc = jdbc;
    }

    /** An address no other test uses, made from a name. */
    public static String uniqueAddress(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + System.nanoTime()
                + "@kbox.test";
    }

    /** Adds a user who has not set a password yet; returns the address. */
    public String invited(String name, Role role) {
        String email = uniqueAddress(name);
        administration.addUser(name, email, role, TestAccounts.ADMIN_EMAIL);
        return email;
    }

    /** Adds a user who has set {@link #PASSWORD} through the welcome link; returns the address. */
    public String active(String name, Role role) {
        String email = invited(name, role);
        assertThat(resets.setPassword(newestToken(email), PASSWORD)).isEqualTo(PasswordResets.SetPasswordOutcome.CHANGED);
        return email;
    }

    /** The token of the newest link e-mailed to an address. */
    public String newestToken(String email) {
        String body = jdbc.queryForObject("SELECT text_body FROM outbox_message WHERE recipient = ? ORDER BY id DESC "
                + "LIMIT 1", String.class, email);
        var matcher = TOKEN.matcher(body);
        assertThat(matcher.find()).as("a set-password link in:%n%s", body).isTrue();
        return matcher.group(1);
    }

    public long idOf(String email) {
        return jdbc.queryForObject("SELECT id FROM user_account WHERE email = ?", Long.class, email);
    }
}
