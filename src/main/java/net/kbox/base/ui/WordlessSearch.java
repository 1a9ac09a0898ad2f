package net.kbox.base.ui;

import com.vaadin.flow.component.textfield.TextField;
import net.kbox.base.search.SearchText;

/**
 * A search field that says so when what is typed holds nothing to search for (only punctuation: {@code %},
 * {@code '}, {@code _}): the list then shows every entry, and without a word next to the field an
 * administrator would take that for every entry matching.
 */
public final class WordlessSearch {

    private WordlessSearch() {
    }

    public static void tell(TextField field) {
        field.addValueChangeListener(e -> {
            boolean wordless = !e.getValue().isBlank() && SearchText.of(e.getValue()).isEmpty();
            field.setErrorMessage(wordless ? field.getTranslation("search.no-words") : null);
            field.setInvalid(wordless);
        });
    }
}
