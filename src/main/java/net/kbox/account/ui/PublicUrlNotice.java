package net.kbox.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.net.URI;
import java.util.Optional;
import net.kbox.base.PublicAddress;
import net.kbox.base.ui.NoticeBanner;
import net.kbox.base.ui.ShellNotice;
import net.kbox.security.Role;

/**
 * Tells an administrator, on every page until {@code KBOX_PUBLIC_URL} is set (or dismissed for the session),
 * that the links of welcome and password e-mails point to the default address, this machine on the port the
 * server listens on ({@link PublicAddress}), while they opened the K-Box somewhere else, where users cannot
 * follow those links. A newcomer trying the K-Box at {@code http://localhost:<that port>} (or
 * {@code 127.0.0.1}) is not told: the links work for them. On another port of {@code localhost} (a port
 * forward, e.g. Docker's {@code -p 9000:8080}) they are told, as the links lead to the server's own port
 * (see {@link OpenedAddress} for where the address comes from).
 */
@org.springframework.stereotype.Component
class PublicUrlNotice implements ShellNotice {

    private static final String ID = "public-url-notice";

    private final PublicAddress address;
    private final AuthenticationContext authentication;

    PublicUrlNotice(PublicAddress address, AuthenticationContext authentication) {
        this.address = address;
        this.authentication = authentication;
    }

    @Override
    public Optional<Component> createNotice() {
        if (address.isSet() || !authentication.hasRole(Role.ADMIN_NAME) || NoticeBanner.dismissed(ID)) {
            return Optional.empty();
        }
        String links = address.base();
        return openedAddress().filter(opened -> !opened.reachedBy(URI.create(links)))
                .map(opened -> notice(links, opened.url()));
    }

    /**
     * The address of this request, kept with the tab for a refresh that comes without one (a page that
     * updates itself in the background).
     */
    private static Optional<OpenedAddress> openedAddress() {
        UI ui = UI.getCurrent();
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            var opened = OpenedAddress.of(request);
            if (ui != null) {
                ComponentUtil.setData(ui, OpenedAddress.class, opened);
            }
            return Optional.of(opened);
        }
        return Optional.ofNullable(ui == null ? null : ComponentUtil.getData(ui, OpenedAddress.class));
    }

    private static Component notice(String links, String opened) {
        var notice = new NoticeBanner(ID, NoticeBanner.Kind.WARNING);
        return notice.saying(notice.getTranslation("public-url.notice.title", links),
                        notice.getTranslation("public-url.notice.text", opened))
                .dismissible(notice.getTranslation("public-url.notice.dismiss"));
    }
}
