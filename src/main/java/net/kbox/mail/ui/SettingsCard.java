package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** A card of the Mail page: a title, one sentence on what it holds, then its content. */
class SettingsCard extends Div {

    SettingsCard(String titleKey, String textKey, Component... content) {
        addClassName("card");
        var text = new Paragraph(getTranslation(textKey));
        text.addClassName("card-text");
        add(new H3(getTranslation(titleKey)), text);
        add(content);
    }

    /** The fields of a card: two columns side by side where there is room, one below the other where not. */
    static FormLayout twoColumns() {
        var form = new FormLayout();
        form.setAutoResponsive(true);
        form.setExpandFields(true);
        form.setColumnWidth("19rem");
        form.setMaxColumns(2);
        return form;
    }
}
