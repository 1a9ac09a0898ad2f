package net.kbox.base;

/**
 * A {@code KBOX_*} setting has a value K-Box Mail cannot work with: the start stops with one sentence
 * that names the variable and says what it expects ({@link InvalidSettingFailureAnalyzer}).
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String variable;

    public InvalidSettingException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
