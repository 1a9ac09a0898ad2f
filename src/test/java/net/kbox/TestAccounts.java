package net.kbox;

/** The bootstrap administrator of the integration tests (see application-it.properties). */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@kbox.test";
    public static final String ADMIN_PASSWORD = "Kbox-QA-Passphrase-2026";

    private TestAccounts() {
    }
}
