package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.mail.settings.FieldState;
import net.kbox.mail.settings.ValueSource;
import org.junit.jupiter.api.Test;

/** The rules of the SMTP password on the Mail form, without a page around them. */
class PasswordStateTest {

    private static final FieldState NONE = new FieldState(null, ValueSource.NONE, false, null);
    private static final FieldState SAVED = new FieldState(null, ValueSource.SAVED, false, null);
    private static final FieldState SAVED_OVER_DEPLOYMENT = new FieldState(null, ValueSource.SAVED, true, null);
    private static final FieldState DEPLOYMENT = new FieldState(null, ValueSource.DEPLOYMENT, true, null);

    @Test
    void test_a_password_applies_without_typing_one_until_the_saved_one_is_dropped_with_nothing_behind_it() {
        assertThat(new PasswordState(SAVED, false).kept()).isTrue();
        assertThat(new PasswordState(DEPLOYMENT, false).kept()).isTrue();
        assertThat(new PasswordState(NONE, false).kept()).isFalse();
        assertThat(new PasswordState(SAVED, true).kept()).as("cleared, nothing behind it").isFalse();
        assertThat(new PasswordState(SAVED_OVER_DEPLOYMENT, true).kept()).as("the deployment's applies").isTrue();
    }

    @Test
    void test_dropping_the_saved_password_shows_the_deployment_one_or_none() {
        assertThat(new PasswordState(SAVED_OVER_DEPLOYMENT, true).shown())
                .isEqualTo(new FieldState(null, ValueSource.DEPLOYMENT, true, null));
        assertThat(new PasswordState(SAVED, true).shown()).isEqualTo(new FieldState(null, ValueSource.NONE, false, null));
        assertThat(new PasswordState(SAVED_OVER_DEPLOYMENT, false).shown()).isEqualTo(SAVED_OVER_DEPLOYMENT);
    }

    @Test
    void test_only_a_password_saved_here_without_a_deployment_one_is_cleared() {
        assertThat(new PasswordState(SAVED, false).clearable()).isTrue();
        assertThat(new PasswordState(SAVED_OVER_DEPLOYMENT, false).clearable()).as("its way back: use the deployment's")
                .isFalse();
        assertThat(new PasswordState(DEPLOYMENT, false).clearable()).isFalse();
        assertThat(new PasswordState(NONE, false).clearable()).isFalse();
        assertThat(new PasswordState(SAVED, true).clearable()).as("already cleared").isFalse();
    }
}
