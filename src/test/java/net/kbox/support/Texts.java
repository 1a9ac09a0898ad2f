package net.kbox.support;

import com.vaadin.flow.component.Component;
import java.util.stream.Collectors;

/** What a user reads in a component, for components built from other components (e.g. our notifications). */
public final class Texts {

    private Texts() {
    }

    public static String of(Component component) {
        String own = component.getElement().getTextRecursively();
        String children = component.getChildren().map(Texts::of).collect(Collectors.joining(" "));
        return (own + " " + children).strip();
    }
}
