package net.kbox.maintenance.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import net.kbox.base.ui.BrowserTime;
import net.kbox.base.ui.WordlessSearch;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventFilter;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.EventSummary;
import net.kbox.maintenance.MaintenanceEventView;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Administration > Maintenance and events: where an administrator goes first when something is
 * wrong. {@code ?event=<id>} opens one event (the Mail page's notifications link here).
 */
@Route("administration/maintenance")
@Menu(title = "nav.maintenance", order = 3, icon = "vaadin:wrench")
@RolesAllowed(Role.ADMIN_NAME)
public class MaintenanceEventsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "administration/maintenance";
    private static final ZoneId UTC = BrowserTime.UTC;

    private final MaintenanceService maintenance;
    /** The tiles features contribute, at the top ({@link StatusTiles}). */
    final Div statusTiles = new Div();
    private final List<StatusTile> tiles;
    final Select<EventLevel> level = new Select<>();
    final Select<EventCategory> category = new Select<>();
    final TextField search = new TextField();
    final Button refresh = new Button();
    final Grid<EventSummary> grid = new Grid<>();
    final EventDetailPanel detail = new EventDetailPanel();
    private final Grid.Column<EventSummary> timeColumn;
    /** UTC until the browser tells its zone. */
    ZoneId zone = UTC;

    MaintenanceEventsView(MaintenanceService maintenance, List<StatusTiles> features) {
        this.maintenance = maintenance;
        setId("maintenance-events-view");
        addClassNames("page", "page-wide", "events-page");
        tiles = features.stream().flatMap(feature -> feature.create().stream()).toList();
        statusTiles.setId("status-tiles");
        statusTiles.addClassName("status-tiles");
        tiles.forEach(statusTiles::add);
        timeColumn = configureGrid();
        var intro = new Paragraph(getTranslation("maintenance.intro"));
        intro.addClassName("card-text");
        add(statusTiles, intro, filters(), grid, detail);
        grid.setItems(query -> maintenance.find(filter(), query.getOffset(), query.getLimit()).stream());
    }


    private Component filters() {
        level.setId("level-filter");
        level.setLabel(getTranslation("maintenance.filter.level"));
        level.setItems(EventLevel.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("maintenance.filter.level.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("maintenance.filter.level.all")
                : getTranslation(EventTexts.levelKey(l)));
        level.addValueChangeListener(e -> filterChanged());

        category.setId("category-filter");
        category.setLabel(getTranslation("maintenance.filter.category"));
        category.setItems(EventCategory.values());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("maintenance.filter.category.all"));
        category.setItemLabelGenerator(c -> c == null ? getTranslation("maintenance.filter.category.all")
                : getTranslation(EventTexts.categoryKey(c)));
        category.addValueChangeListener(e -> filterChanged());

        search.setId("event-search");
        search.setLabel(getTranslation("maintenance.filter.search"));
        search.setPlaceholder(getTranslation("maintenance.filter.search.placeholder"));
        search.setHelperText(getTranslation("maintenance.filter.search.hint"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.addValueChangeListener(e -> filterChanged());
        WordlessSearch.tell(search);
        search.addClassName("event-search");

        refresh.setId("refresh-events");
        refresh.setText(getTranslation("maintenance.action.refresh"));
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.addClickListener(e -> refreshAll());

        var bar = new HorizontalLayout(level, category, search, refresh);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.addClassName("event-filters");
        return bar;
    }

    private Grid.Column<EventSummary> configureGrid() {
        grid.setId("events-grid");
        grid.addClassName("events-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("20rem");
        grid.setPageSize(50);
        var time = grid.addColumn(e -> EventTexts.time(e.occurredAt(), zone))
                .setKey("time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<EventSummary>of("<span class=\"level-badge ${item.css}\">${item.label}</span>")
                        .withProperty("css", e -> EventTexts.cssOf(e.level()))
                        .withProperty("label", e -> getTranslation(EventTexts.levelKey(e.level()))))
                .setKey("level").setHeader(getTranslation("maintenance.column.level"))
                .setWidth("7rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.START);
        grid.addColumn(e -> getTranslation(EventTexts.categoryKey(e.category())))
                .setKey("category").setHeader(getTranslation("maintenance.column.category"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EventSummary::message).setKey("message").setHeader(getTranslation("maintenance.column.message"))
                .setFlexGrow(1).setTooltipGenerator(EventSummary::message);
        grid.addColumn(e -> e.actor() == null ? "" : e.actor()).setKey("actor")
                .setHeader(getTranslation("maintenance.column.actor")).setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showEvent(e.getValue().id());
            }
        });
        time.setHeader(getTranslation("maintenance.column.time", zone.getId()));
        return time;
    }

    EventFilter filter() {
        return new EventFilter(level.getValue(), category.getValue(), search.getValue());
    }

    private void filterChanged() {
        grid.getDataProvider().refreshAll();
    }

    /** Redraws the tiles and the list, e.g. after "Refresh" or an action of a tile. */
    void refreshAll() {
        refreshTiles();
        grid.getDataProvider().refreshAll();
    }

    private void refreshTiles() {
        var context = new StatusTile.Context(zone, this::showEvent, this::refreshAll);
        tiles.forEach(tile -> tile.refresh(context));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refreshTiles();
        BrowserTime.zoneOf(attachEvent.getUI(), this::useZone);
    }

    void useZone(@Nullable String zoneId) {
        useZone(BrowserTime.zone(zoneId));
    }

    private void useZone(ZoneId browserZone) {
        zone = browserZone;
        timeColumn.setHeader(getTranslation("maintenance.column.time", zone.getId()));
        refreshAll();
        if (detail.shown() != null) {
            detail.show(detail.shown(), zone);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("event").ifPresent(id -> {
            try {
                showEvent(Long.parseLong(id));
                // arriving from a link, the administrator came for this event: bring it into view
                detail.scrollIntoView();
            } catch (NumberFormatException e) {
                detail.showHint(getTranslation("maintenance.detail.not-found", id));
            }
        });
    }

    /** Selects the event in the list (when it is loaded) and shows it in full below; the URL names it. */
    void showEvent(long id) {
        var found = maintenance.find(id);
        if (found.isEmpty()) {
            grid.asSingleSelect().clear();
            detail.showHint(getTranslation("maintenance.detail.not-found", String.valueOf(id)));
            return;
        }
        MaintenanceEventView event = found.get();
        detail.show(event, zone);
        var summary = new EventSummary(event.id(), event.occurredAt(), event.level(), event.category(),
                event.message(), event.actor());
        if (!summary.equals(grid.asSingleSelect().getValue())) {
            grid.select(summary);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, ROUTE + "?event=" + id));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("maintenance.title");
    }
}
