package net.kbox.mail.settings;

import net.kbox.base.InvalidSettingException;

/** A KBOX_MAIL_* deployment variable has a value the application cannot work with; stops the start. */
class InvalidDeploymentSettingException extends InvalidSettingException {

    InvalidDeploymentSettingException(String variable, String message) {
        super(variable, message);
    }
}
