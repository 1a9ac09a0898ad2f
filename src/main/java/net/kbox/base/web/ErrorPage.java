package net.kbox.base.web;

import java.util.Set;
import net.kbox.base.Translations;
import org.springframework.web.util.HtmlUtils;

/**
 * The page of an HTTP error in the product's look: the product name, one sentence that says what
 * happened, a link back. Self-contained (its style inline, no script), so that it can be served where
 * nothing else works, even by the servlet container for a request it could not parse.
 */
public final class ErrorPage {

    private static final Set<Integer> KNOWN = Set.of(400, 403, 404, 500);

    private ErrorPage() {
    }

    /** The HTML of the page for a status, in English. */
    public static String html(int status, Translations translations) {
        String key = "error." + (KNOWN.contains(status) ? status : status >= 500 ? 500 : 400);
        String product = HtmlUtils.htmlEscape(translations.english("app.name"));
        String title = HtmlUtils.htmlEscape(translations.english(key + ".title"));
        String text = HtmlUtils.htmlEscape(translations.english(key + ".text"));
        String back = HtmlUtils.htmlEscape(translations.english("error.back"));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s | %s</title>
                <style>
                body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;
                font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a2638;
                background:linear-gradient(160deg,#eef3f9 0%%,#f8fafc 60%%)}
                h1{font-size:2.5rem;margin:0 0 1.5rem;color:#1f5fa8}
                main{background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(26,38,56,.12);padding:2rem 2.25rem;max-width:28rem}
                h2{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.5;margin:0 0 1.25rem;color:#3c4a5e}
                a{color:#1676f3;font-weight:600;text-decoration:none}a:hover{text-decoration:underline}
                .status{color:#6b7789;font-size:.875rem;margin:1.25rem 0 0}
                </style></head>
                <body><h1>%s</h1><main><h2>%s</h2><p>%s</p><a href="/">%s</a><p class="status">HTTP %d</p></main></body></html>
                """.formatted(title, product, product, title, text, back, status);
    }
}
