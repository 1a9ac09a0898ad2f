package net.kbox.bench;

/** The content of every benchmark e-mail, the same for the dispatcher and the bare loops: an account e-mail's size. */
public final class BenchmarkMail {

    private static final String PARAGRAPH = "An administrator created an account for you on the K-Box. Set your "
            + "password with the link below; it is valid for 72 hours. If you did not expect this e-mail, ignore it.";

    private BenchmarkMail() {
    }

    public static String subject(String marker, int i) {
        return marker + " #" + i;
    }

    public static String text(int i) {
        return "Hello user " + i + ",\n\n" + PARAGRAPH + "\n\nhttps://kbox.test/set-password?token=" + "x".repeat(43)
                + "\n\n-- \nK-Box\n";
    }

    public static String html(int i) {
        return "<html><body><p>Hello user " + i + ",</p><p>" + PARAGRAPH + "</p><p><a href=\"https://kbox.test/"
                + "set-password?token=" + "x".repeat(43) + "\">Set your password</a></p><p>K-Box</p></body></html>";
    }
}
