package net.kbox.mail.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailSettingsRepository extends JpaRepository<MailSettings, Long> {
}
