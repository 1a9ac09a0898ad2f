package net.kbox.mail.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import net.kbox.base.ui.UncutInput;
import net.kbox.mail.settings.MailSettingsRules;
import net.kbox.mail.settings.ServiceAccountKey;
import org.jspecify.annotations.Nullable;

/**
 * A new Google service account key: its JSON pasted into the text area, or its file uploaded. The key only
 * ever travels from the browser to the server: an uploaded file is held here and never put into the text
 * area, and the value of this field is never sent to the browser.
 */
class ServiceAccountKeyInput extends CustomField<String> {

    final TextArea text = new TextArea();
    final Upload upload = new Upload(UploadHandler.inMemory((file, bytes) -> uploaded(file.fileName(), bytes)));
    private final Span loaded = new Span();
    private @Nullable String uploadedKey;

    ServiceAccountKeyInput() {
        text.setId("service-account-key-text");
        text.setWidthFull();
        text.setMinRows(3);
        text.setMaxRows(6);
        UncutInput.apply(text); // MailSettingsRules tells the limit next to the field
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addClassName("key-text");
        // Enter in the key is a line break of the pasted file, never the form's Save
        Shortcuts.addShortcutListener(text, () -> { }, Key.ENTER).listenOn(text).allowBrowserDefault();
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                uploadedKey = null;
                loaded.setText("");
                updateValue();
            }
        });
        upload.setId("service-account-key-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(MailSettingsRules.SERVICE_ACCOUNT_KEY_MAX_LENGTH * 4);
        upload.setDropAllowed(true);
        // the upload's own texts in the page's language: Vaadin brings English ones only
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("mail.key.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("mail.key.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("mail.key.too-many"))
                        .setFileIsTooBig(getTranslation("mail.key.too-big"))
                        .setIncorrectFileType(getTranslation("mail.key.not-json-file"))));
        loaded.setId("service-account-key-loaded");
        loaded.addClassName("value-source-text");
        add(text, upload, loaded);
    }

    /** Names the service account of the key in effect (not a secret), until another key is given. */
    void showKeyOf(@Nullable String serviceAccount) {
        if (uploadedKey == null) {
            loaded.setText(serviceAccount == null ? "" : getTranslation("mail.key.in-effect", serviceAccount));
        }
    }

    /** Shows the placeholder: "unchanged" when a key applies without typing one. */
    void setPlaceholder(String placeholder) {
        text.setPlaceholder(placeholder);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        text.setReadOnly(readOnly);
        upload.setVisible(!readOnly);
    }

    private void uploaded(String fileName, byte[] bytes) {
        String json = new String(bytes, StandardCharsets.UTF_8);
        getUI().ifPresent(ui -> ui.access(() -> {
            uploadedKey = json;
            text.clear();
            var key = ServiceAccountKey.parse(json).key();
            loaded.setText(getTranslation("mail.key.loaded", fileName, key == null ? "?" : key.clientEmail()));
            updateValue();
            upload.clearFileList();
        }));
    }

    @Override
    protected String generateModelValue() {
        return uploadedKey != null ? uploadedKey : text.getValue();
    }

    /** The form only ever sets "no new key" (when it reads the saved settings): the key itself is never shown. */
    @Override
    protected void setPresentationValue(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            uploadedKey = null;
            loaded.setText("");
            text.clear();
        }
    }
}
