package net.kbox.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The application's notifications: successes fade away, errors stay until the administrator closes them. */
public final class Notifications {

    private static final int SUCCESS_DURATION_MS = 5000;

    private Notifications() {
    }

    public static Notification success(String text, Component... extras) {
        return show(text, NotificationVariant.LUMO_SUCCESS, SUCCESS_DURATION_MS, extras);
    }

    public static Notification error(String text, Component... extras) {
        return show(text, NotificationVariant.LUMO_ERROR, 0, extras);
    }

    private static Notification show(String text, NotificationVariant variant, int duration, Component... extras) {
        var notification = new Notification();
        notification.addThemeVariants(variant);
        notification.setDuration(duration);
        notification.setPosition(Notification.Position.TOP_CENTER);
        var message = new Div(text);
        message.addClassName("notification-text");
        var content = new HorizontalLayout(message);
        content.add(extras);
        // a link in a notification leads somewhere else: the notification has done its job
        for (Component extra : extras) {
            extra.getElement().addEventListener("click", e -> notification.close());
        }
        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(notification.getTranslation("notification.close"));
        content.add(close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
        notification.open();
        return notification;
    }
}
