package net.kbox.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something the shell shows above every page while it applies, e.g. "mail is not configured".
 * Features contribute notices as Spring beans; the shell asks them on each navigation.
 */
public interface ShellNotice {

    Optional<Component> createNotice();
}
