package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.stream.Collectors;
import net.kbox.mail.MailField;

/** The labels of some settings, as the Mail page shows them, for sentences such as "missing: …". */
final class MailFieldLabels {

    private MailFieldLabels() {
    }

    static String of(Component translator, List<MailField> fields) {
        return fields.stream().map(field -> translator.getTranslation(field.labelKey())).collect(Collectors.joining(", "));
    }
}
