package net.kbox.smtp;

/** SubEthaSMTP that offers no STARTTLS and no AUTH: a server K-Box Mail must refuse to use. */
public final class PlainSmtpServer extends SubEthaSmtpServer {

    private PlainSmtpServer() {
        super(null, null, null);
    }

    public static PlainSmtpServer start() {
        return new PlainSmtpServer();
    }
}
