package net.kbox.security;

/**
 * An administrative action by someone who is no longer an enabled administrator (demoted or disabled since
 * their login): nothing was changed. Pages say it with {@link #MESSAGE_KEY}.
 */
public class NotAnAdministratorException extends RuntimeException {

    /** The translation key of the sentence shown to the user. */
    public static final String MESSAGE_KEY = "security.error.not-an-administrator";

    public NotAnAdministratorException(String actor) {
        super(actor + " is no longer an enabled administrator: the action was refused");
    }
}
