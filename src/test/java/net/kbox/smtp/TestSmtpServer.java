package net.kbox.smtp;

import java.util.List;

/** A real SMTP server for tests, on a free port of 127.0.0.1. Close it when done. */
public interface TestSmtpServer extends AutoCloseable {

    /** Where the server listens; its certificate (if any) is valid for this name. */
    default String host() {
        return "localhost";
    }

    int port();

    /** The messages received so far, oldest first. */
    List<ReceivedMessage> messages();

    @Override
    void close();
}
