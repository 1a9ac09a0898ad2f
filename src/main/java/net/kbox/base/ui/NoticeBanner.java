package net.kbox.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;

/**
 * The look of a {@link ShellNotice}: an icon, a title, a sentence and a row of buttons (the {@code banner}
 * classes of styles.css). The sentence's id is the notice's id with {@code -text}, a button's id the notice's
 * with {@code -open} or {@code -dismiss}, for tests and page objects.
 */
public class NoticeBanner extends Div {

    /** How serious it is: a warning, or an error (something is not working now). */
    public enum Kind {
        WARNING("banner-warning", VaadinIcon.WARNING), ERROR("banner-error", VaadinIcon.EXCLAMATION_CIRCLE);

        private final String className;
        private final VaadinIcon icon;

        Kind(String className, VaadinIcon icon) {
            this.className = className;
            this.icon = icon;
        }
    }

    private final Span title = new Span();
    private final Paragraph text = new Paragraph();
    private final Div actions = new Div();

    /** A notice to fill with {@link #saying}; its own {@code getTranslation} gives the texts. */
    public NoticeBanner(String id, Kind kind) {
        setId(id);
        addClassNames("banner", kind.className);
        title.addClassName("banner-title");
        text.setId(id + "-text");
        var body = new Div(title, text, actions);
        body.addClassName("banner-body");
        add(kind.icon.create(), body);
    }

    /** What the notice says: the title, then the sentences. */
    public NoticeBanner saying(String title, String text) {
        this.title.setText(title);
        this.text.setText(text);
        return this;
    }

    /** A button that opens {@code page}; none on that page itself. */
    public NoticeBanner opening(String label, Class<? extends Component> page) {
        var open = new Button(label, e -> UI.getCurrent().navigate(page));
        open.setId(getId().orElseThrow() + "-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        open.setVisible(UI.getCurrent() == null || !page.isInstance(UI.getCurrent().getCurrentView()));
        actions.add(open);
        return this;
    }

    /** A button that hides the notice until the session ends ({@link #dismissed(String)}). */
    public NoticeBanner dismissible(String label) {
        String id = getId().orElseThrow();
        var dismiss = new Button(label, e -> {
            VaadinSession.getCurrent().setAttribute(dismissedKey(id), Boolean.TRUE);
            removeFromParent();
        });
        dismiss.setId(id + "-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        actions.add(dismiss);
        return this;
    }

    /** Whether the notice with this id was dismissed in this session. */
    public static boolean dismissed(String id) {
        var session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(dismissedKey(id)));
    }

    private static String dismissedKey(String id) {
        return NoticeBanner.class.getName() + ".dismissed." + id;
    }
}
