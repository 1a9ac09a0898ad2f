package net.kbox.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.kbox.base.ui.WordlessSearch;
import net.kbox.mail.MailStatus;
import net.kbox.mail.log.MailLogFilter;
import org.jspecify.annotations.Nullable;

/**
 * The mail log's filters: status, kind, words of the recipient's address, and the days from and to
 * (in the administrator's time zone). Any change redraws the list.
 */
class MailLogFilters extends HorizontalLayout {

    final Select<MailStatus> status = new Select<>();
    final Select<String> kind = new Select<>();
    final TextField recipient = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button refresh = new Button();

    MailLogFilters(List<String> kinds, Runnable changed, Runnable refreshAll) {
        status.setId("mail-status-filter");
        status.setLabel(getTranslation("mail-log.filter.status"));
        status.setItems(MailStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("mail-log.filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("mail-log.filter.any") : getTranslation(s.labelKey()));
        status.addValueChangeListener(e -> changed.run());

        kind.setId("mail-kind-filter");
        kind.setLabel(getTranslation("mail-log.filter.kind"));
        kind.setItems(kinds);
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("mail-log.filter.any"));
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("mail-log.filter.any") : MailLogTexts.kind(this, k));
        kind.addValueChangeListener(e -> changed.run());

        recipient.setId("mail-recipient-filter");
        recipient.setLabel(getTranslation("mail-log.filter.recipient"));
        recipient.setPlaceholder(getTranslation("mail-log.filter.recipient.placeholder"));
        recipient.setTooltipText(getTranslation("mail-log.filter.recipient.hint"));
        recipient.setPrefixComponent(VaadinIcon.SEARCH.create());
        recipient.setClearButtonVisible(true);
        recipient.setMaxLength(254);
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.setValueChangeTimeout(400);
        recipient.addValueChangeListener(e -> changed.run());
        WordlessSearch.tell(recipient);

        from.setId("mail-from-filter");
        from.setLabel(getTranslation("mail-log.filter.from"));
        from.setClearButtonVisible(true);
        from.addValueChangeListener(e -> changed.run());
        to.setId("mail-to-filter");
        to.setLabel(getTranslation("mail-log.filter.to"));
        to.setClearButtonVisible(true);
        to.addValueChangeListener(e -> changed.run());
        // a day typed wrong or a range the wrong way round turns the field red with words, never without
        var days = new DatePicker.DatePickerI18n().setBadInputErrorMessage(getTranslation("mail-log.filter.day.invalid"))
                .setMinErrorMessage(getTranslation("mail-log.filter.range.invalid"))
                .setMaxErrorMessage(getTranslation("mail-log.filter.range.invalid"));
        from.setI18n(days);
        to.setI18n(days);
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        refresh.setId("refresh-mail-log");
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.setAriaLabel(getTranslation("maintenance.action.refresh"));
        refresh.setTooltipText(getTranslation("maintenance.action.refresh"));
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.addClickListener(e -> refreshAll.run());

        add(status, kind, recipient, from, to, refresh);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        addClassNames("event-filters", "mail-log-filters");
    }

    /** The filter as set now; the days are whole days in {@code zone}, the last one included. */
    MailLogFilter filter(ZoneId zone) {
        return new MailLogFilter(status.getValue(), kind.getValue(), recipient.getValue(),
                startOf(from.getValue(), zone), startOf(to.getValue() == null ? null : to.getValue().plusDays(1), zone));
    }

    private static @Nullable Instant startOf(@Nullable LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }
}
