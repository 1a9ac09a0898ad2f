package net.kbox.mail.outbox;

/** A number of e-mails in an event's English sentence: "1 e-mail", "3 e-mails". */
final class MailCount {

    private MailCount() {
    }

    static String of(int count) {
        return count + (count == 1 ? " e-mail" : " e-mails");
    }
}
