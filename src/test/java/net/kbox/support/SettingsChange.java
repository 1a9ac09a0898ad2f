package net.kbox.support;

import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsService;
import org.jspecify.annotations.Nullable;

/**
 * A settings change as the Mail page submits it, for tests: complete and valid by default (sender
 * no-reply@kbox.test "K-Box QA", server smtp.kbox.test:587 with STARTTLS, no login), each test changing
 * only what it is about.
 */
public final class SettingsChange {

    private String fromAddress = "no-reply@kbox.test";
    private String fromName = "K-Box QA";
    private @Nullable String host = "smtp.kbox.test";
    private @Nullable Integer port = 587;
    private @Nullable MailEncryption encryption = MailEncryption.STARTTLS;
    private @Nullable String username;
    private @Nullable String newPassword;
    private boolean removeSavedPassword;

    private SettingsChange() {
    }

    public static SettingsChange valid() {
        return new SettingsChange();
    }

    public SettingsChange from(String address, String name) {
        this.fromAddress = address;
        this.fromName = name;
        return this;
    }

    public SettingsChange fromName(String name) {
        this.fromName = name;
        return this;
    }

    /** A local test server: localhost on its port. */
    public SettingsChange server(int localPort) {
        return server("localhost", localPort);
    }

    public SettingsChange server(@Nullable String host, @Nullable Integer port) {
        this.host = host;
        this.port = port;
        return this;
    }

    public SettingsChange encryption(@Nullable MailEncryption encryption) {
        this.encryption = encryption;
        return this;
    }

    /** Logs in with this username and saves this (new) password. */
    public SettingsChange login(@Nullable String username, @Nullable String password) {
        this.username = username;
        this.newPassword = password;
        return this;
    }

    public SettingsChange newPassword(@Nullable String password) {
        this.newPassword = password;
        return this;
    }

    public SettingsChange removeSavedPassword() {
        this.removeSavedPassword = true;
        return this;
    }

    public MailSettingsChange build() {
        return new MailSettingsChange(fromAddress, fromName, host, port, encryption, username, newPassword,
                removeSavedPassword);
    }

    /** Saves the change as the bootstrap administrator of the tests, over whatever is saved now. */
    public void saveWith(MailSettingsService settings) {
        saveWith(settings, net.kbox.TestAccounts.ADMIN_EMAIL);
    }

    /** Saves the change as {@code administrator} (an enabled administrator: services check it). */
    public void saveWith(MailSettingsService settings, String administrator) {
        settings.save(build(), settings.snapshot().version(), administrator);
    }
}
