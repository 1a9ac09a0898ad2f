package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.kbox.smtp.ReceivedMessage;

/** The one-time links of account e-mails, as tests read them from a received message. */
final class Links {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/set-password\\?token=)([A-Za-z0-9_-]+)");

    private Links() {
    }

    /** The token of the set-password link in a message. */
    static String token(ReceivedMessage mail) {
        var matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as("a set-password link in:%n%s", mail.text()).isTrue();
        return matcher.group(2);
    }

    /** An address no other test uses. */
    static String unique(String name) {
        return net.kbox.support.NewAccounts.uniqueAddress(name);
    }
}
