package net.kbox.mail.settings;

/** A KBOX_* deployment variable has a value the application cannot work with; stops the start. */
class InvalidDeploymentSettingException extends IllegalArgumentException {

    private final String variable;

    InvalidDeploymentSettingException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    String variable() {
        return variable;
    }
}
