package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.mail.settings.FieldState;
import net.kbox.mail.settings.ValueSource;
import org.junit.jupiter.api.Test;

/** The rules of a secret (the SMTP password, a client secret, a key) on the Mail form, without a page around them. */
class SecretStateTest {

    private static final FieldState NONE = new FieldState(null, ValueSource.NONE, false, null);
    private static final FieldState SAVED = new FieldState(null, ValueSource.SAVED, false, null);
    private static final FieldState SAVED_OVER_DEPLOYMENT = new FieldState(null, ValueSource.SAVED, true, null);
    private static final FieldState DEPLOYMENT = new FieldState(null, ValueSource.DEPLOYMENT, true, null);

    @Test
    void test_a_password_applies_without_typing_one_until_the_saved_one_is_dropped_with_nothing_behind_it() {
        assertThat(new SecretState(SAVED, false).kept()).isTrue();
        assertThat(new SecretState(DEPLOYMENT, false).kept()).isTrue();
        assertThat(new SecretState(NONE, false).kept()).isFalse();
        assertThat(new SecretState(SAVED, true).kept()).as("cleared, nothing behind it").isFalse();
        assertThat(new SecretState(SAVED_OVER_DEPLOYMENT, true).kept()).as("the deployment's applies").isTrue();
    }

    @Test
    void test_dropping_the_saved_password_shows_the_deployment_one_or_none() {
        assertThat(new SecretState(SAVED_OVER_DEPLOYMENT, true).shown())
                .isEqualTo(new FieldState(null, ValueSource.DEPLOYMENT, true, null));
        assertThat(new SecretState(SAVED, true).shown()).isEqualTo(new FieldState(null, ValueSource.NONE, false, null));
        assertThat(new SecretState(SAVED_OVER_DEPLOYMENT, false).shown()).isEqualTo(SAVED_OVER_DEPLOYMENT);
    }

    @Test
    void test_only_a_password_saved_here_without_a_deployment_one_is_cleared() {
        assertThat(new SecretState(SAVED, false).clearable()).isTrue();
        assertThat(new SecretState(SAVED_OVER_DEPLOYMENT, false).clearable()).as("its way back: use the deployment's")
                .isFalse();
        assertThat(new SecretState(DEPLOYMENT, false).clearable()).isFalse();
        assertThat(new SecretState(NONE, false).clearable()).isFalse();
        assertThat(new SecretState(SAVED, true).clearable()).as("already cleared").isFalse();
    }

    @Test
    void test_a_saved_secret_that_cannot_be_decrypted_must_be_typed_again() {
        assertThat(new SecretState(SAVED, false, true).kept()).isFalse();
        assertThat(new SecretState(SAVED_OVER_DEPLOYMENT, true, true).kept()).as("dropped: the deployment's applies")
                .isTrue();
        assertThat(new SecretState(SAVED, false, true).clearable()).isTrue();
    }
}
