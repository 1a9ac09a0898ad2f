package net.kbox.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Vaadin's page (index.html) starts with inline scripts: each gets the nonce that this response's
 * Content-Security-Policy names ({@link SecurityHeaders}), so they run and injected ones do not.
 */
@Component
class ScriptNonces implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Object nonce = response.getVaadinRequest().getAttribute(SecurityHeaders.NONCE_ATTRIBUTE);
            if (nonce != null) {
                for (Element script : response.getDocument().select("script:not([src])")) {
                    script.attributes().put("nonce", nonce.toString());
                }
            }
        });
    }
}
