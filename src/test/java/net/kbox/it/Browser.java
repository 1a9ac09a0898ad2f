package net.kbox.it;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}), pointed at the
 * application under test. Screenshots land in {@code target/screenshots} so that a person can look.
 */
public final class Browser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String baseUrl;

    public Browser(int port) {
        this(port, "en-US", null);
    }

    /**
     * A browser that asks for pages in {@code languages} (its Accept-Language, e.g. "de-DE,de") and, with a
     * {@code timeZone} (e.g. "Asia/Kolkata"), lives in that zone: the {@code TZ} of its process.
     */
    public Browser(int port, String languages, @org.jspecify.annotations.Nullable String timeZone) {
        this.baseUrl = "http://localhost:" + port;
        var builder = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("kbox.test.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort();
        if (timeZone != null) {
            builder.withEnvironment(java.util.Map.of("TZ", timeZone));
        }
        var service = builder.build();
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("kbox.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
        // the browser's console, and the web socket frames the page receives and sends (journeys that check
        // what reaches the browser)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL", "performance", "ALL"));
        this.driver = new ChromeDriver(service, options);
        // headless Chromium does not always send its --lang as Accept-Language: say it through DevTools
        String userAgent = (String) driver.executeScript("return navigator.userAgent");
        driver.executeCdpCommand("Network.setUserAgentOverride",
                java.util.Map.of("userAgent", userAgent, "acceptLanguage", languages));
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                java.util.Map.of("headers", java.util.Map.of("Accept-Language", languages)));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + "/" + path);
        waitForVaadin();
    }

    /** Opens a page by its view, at the route the view declares. */
    public void open(Class<? extends Component> view) {
        open(routeOf(view));
    }

    /** The path of a view, as its {@code @Route} declares it (no leading slash). */
    public static String routeOf(Class<? extends Component> view) {
        return view.getAnnotation(Route.class).value();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Waits until Flow has finished its round trips, so what a test reads is what a user sees. */
    public void waitForVaadin() {
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') return false;
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients) return false;
                return Object.values(clients).every(c => !c.isActive || !c.isActive());
                """)));
    }

    /**
     * Waits until Flow has been idle for half a second on end. Some components ask the server again a moment
     * after a round trip of their own accord (a grid confirms the rows it received, and asks for the rows it
     * shows 150 ms later): a test that changes the database behind the page's back waits for those first.
     */
    public void waitUntilSettled() {
        waitUntil(d -> {
            waitForVaadin();
            for (int sample = 0; sample < 10; sample++) {
                sleep(Duration.ofMillis(50));
                if (!idle()) {
                    return false; // asked again: wait for that round trip, then for a quiet half second again
                }
            }
            return true;
        });
    }

    private boolean idle() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive());
                """));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** How far a grid's table reaches past its frame, in CSS pixels: more than 0 when it scrolls sideways. */
    public long overflowingWidth(String gridId) {
        return (Long) ((JavascriptExecutor) driver).executeScript("""
                const table = document.getElementById(arguments[0]).shadowRoot.querySelector('#table');
                return Math.max(0, table.scrollWidth - table.clientWidth);""", gridId);
    }

    public WebElement find(By by) {
        return waitUntil(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        // a page that Vaadin re-renders meanwhile (e.g. a grid refilled once the browser's time zone is known)
        // replaces the element being looked at: look again
        return new WebDriverWait(driver, TIMEOUT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * What the server sent this browser since the last call, from the browser's own network log: the body of
     * every HTTP response it still holds (pages, Vaadin's UI state and round trips) and every web socket
     * frame (server push).
     */
    public Traffic traffic() {
        var responses = new StringBuilder();
        var frames = new StringBuilder();
        for (var entry : driver.manage().logs().get("performance")) {
            String message = entry.getMessage();
            if (message.contains("\"Network.webSocketFrame")) {
                frames.append(message).append('\n');
            } else if (message.contains("\"Network.loadingFinished\"")) {
                var request = REQUEST_ID.matcher(message);
                if (request.find()) {
                    responses.append(responseBody(request.group(1))).append('\n');
                }
            }
        }
        return new Traffic(responses.toString(), frames.toString());
    }

    /** @param responses the bodies of HTTP responses; @param frames the web socket frames, as the log has them */
    public record Traffic(String responses, String frames) {
    }

    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("\"requestId\":\"([^\"]+)\"");

    private String responseBody(String requestId) {
        try {
            return String.valueOf(driver.executeCdpCommand("Network.getResponseBody", java.util.Map.of("requestId", requestId))
                    .get("body"));
        } catch (org.openqa.selenium.WebDriverException gone) {
            return ""; // a body the browser no longer keeps (or a request without one)
        }
    }

    /** Makes the window this size (e.g. 1920 x 1080 for a screenshot of a large screen). */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        if (driver.getCurrentUrl().startsWith(baseUrl)) {
            waitForVaadin(); // a new browser shows no page of ours yet
        }
    }

    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to the browser's console since the last call (errors, CSP violations, warnings). */
    public java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

}
