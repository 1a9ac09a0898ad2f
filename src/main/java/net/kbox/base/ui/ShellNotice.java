package net.kbox.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;

/**
 * Something the shell shows above every page while it applies, e.g. "mail is not configured".
 * Features contribute notices as Spring beans; the shell asks them on each navigation, and again when a
 * page says that what they report may have changed ({@link #refreshAll(UI)}). A notice looks like the others
 * through {@link NoticeBanner}.
 */
public interface ShellNotice {

    Optional<Component> createNotice();

    /** Asks every notice again, e.g. after a save that may have fixed what one reports. */
    static void refreshAll(UI ui) {
        ComponentUtil.fireEvent(ui, new RefreshRequested(ui));
    }

    /** The shell listens: {@code refresh} runs whenever a page calls {@link #refreshAll(UI)}. */
    static Registration onRefresh(UI ui, Runnable refresh) {
        return ComponentUtil.addListener(ui, RefreshRequested.class, event -> refresh.run());
    }

    /** The event between {@link #refreshAll(UI)} and the shell. */
    final class RefreshRequested extends ComponentEvent<UI> {
        RefreshRequested(UI ui) {
            super(ui, false);
        }
    }
}
