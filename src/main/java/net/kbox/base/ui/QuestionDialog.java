package net.kbox.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asks before something that cannot be undone (an e-mail cancelled, typed settings discarded): the question,
 * the safe answer, which has the focus so that Enter or the second click of a double click keeps things as
 * they are, and the red answer that goes on. Escape and a click outside give the safe answer too. A plain
 * {@link Dialog}: it is in the pre-compiled frontend bundle (ADR 1).
 */
public class QuestionDialog extends Dialog {

    public final Paragraph question = new Paragraph();
    public final Button safe = new Button();
    public final Button confirm = new Button();

    /**
     * @param id the dialog's element id; its question, safe and confirm buttons get {@code id-question},
     *     {@code id-safe} and {@code id-confirm}
     */
    public QuestionDialog(String id, String title, String question, String safeAnswer, String confirmAnswer,
            Runnable onConfirm) {
        setId(id);
        setHeaderTitle(title);
        this.question.setId(id + "-question");
        this.question.setText(question);
        safe.setId(id + "-safe");
        safe.setText(safeAnswer);
        safe.addClickListener(e -> close());
        confirm.setId(id + "-confirm");
        confirm.setText(confirmAnswer);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            close();
            onConfirm.run();
        });
        add(this.question);
        getFooter().add(safe, confirm);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                safe.focus();
            }
        });
        setMaxWidth("32rem");
    }
}
