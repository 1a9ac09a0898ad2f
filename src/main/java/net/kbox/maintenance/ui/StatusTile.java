package net.kbox.maintenance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import net.kbox.maintenance.EventSummary;

/** One tile of the status header: a title over a value, redrawn by its feature whenever the page refreshes. */
public final class StatusTile extends Div {

    /**
     * What a tile may use when it is redrawn.
     *
     * @param zone the administrator's time zone
     * @param showEvent opens an event in the page's detail panel
     * @param refreshPage redraws the whole header and list (after an action of the tile)
     */
    public record Context(ZoneId zone, LongConsumer showEvent, Runnable refreshPage) {
    }

    private final BiConsumer<StatusTile, Context> redraw;

    /** @param redraw fills the tile with what is true now, with {@link #show} */
    public StatusTile(String id, BiConsumer<StatusTile, Context> redraw) {
        this.redraw = redraw;
        setId(id);
        addClassName("status-tile");
    }

    void refresh(Context context) {
        redraw.accept(this, context);
    }

    /** Replaces the tile's content: the title, then the value's parts. */
    public void show(String title, Component... value) {
        removeAll();
        var titleText = new Span(title);
        titleText.addClassName("status-title");
        var valueBox = new Div(value);
        valueBox.addClassName("status-value");
        add(titleText, valueBox);
    }

    /** Marks the tile as reporting a problem (red), or not. */
    public void problem(boolean problem) {
        setClassName("status-problem", problem);
    }

    /** The newest event of some kind: its time and message, and a button that opens it. */
    public void showEvent(String title, Optional<EventSummary> event, Context context) {
        if (event.isEmpty()) {
            show(title, new Span(getTranslation("maintenance.status.none")));
            return;
        }
        var found = event.get();
        var time = new Span(EventTexts.time(found.occurredAt(), context.zone()));
        time.addClassName("status-time");
        var message = new Span(found.message());
        message.addClassName("status-message");
        message.setTitle(found.message());
        var open = new Button(getTranslation("maintenance.status.show"), e -> context.showEvent().accept(found.id()));
        open.setId(getId().orElseThrow() + "-show");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        show(title, time, message, open);
    }
}
