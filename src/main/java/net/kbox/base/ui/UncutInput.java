package net.kbox.base.ui;

import com.vaadin.flow.component.textfield.TextFieldBase;

/**
 * The one rule for text inputs with a length limit: the browser never cuts what is typed or pasted, and
 * no input ever turns red without words. So an input has no {@code maxlength} (a browser cuts silently,
 * a pasted value then becomes another one) and no constraint check of the component's own (Vaadin's
 * built-in checks have no message of ours: a crafted client's over-long value would show a red field
 * with an empty message). The feature's rules check the length, on the server, and say the limit next
 * to the field ("Use at most 254 characters").
 */
public final class UncutInput {

    private UncutInput() {
    }

    /** Applies the rule; call it after the inputs are configured (it removes a maxlength set before). */
    public static void apply(TextFieldBase<?, ?>... inputs) {
        for (TextFieldBase<?, ?> input : inputs) {
            input.getElement().removeProperty("maxlength");
            input.setManualValidation(true);
        }
    }
}
