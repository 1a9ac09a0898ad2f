package net.kbox.base.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Applies this application's rules to Spring Boot's logging right after Boot has set it up, before the
 * first line of the start: every value is escaped ({@link LogText}) in the message ({@code %m}) and in
 * stack traces ({@code %wEx}) of every pattern, Boot's defaults or the operator's own, and a database
 * outage is logged once ({@link DatabaseOutageLog}). Registered in {@code META-INF/spring.factories}.
 */
public class LogPolicies implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final List<String> MESSAGE_WORDS = List.of("m", "msg", "message");
    private static final List<String> THROWABLE_WORDS = List.of("wEx", "wex", "ex", "exception", "throwable", "xEx",
            "xException", "xThrowable");

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context);
        }
    }

    /** Installs the rules on a logback context; applying them twice changes nothing. */
    public static void apply(LoggerContext context) {
        escapeValues(context);
        if (context.getTurboFilterList().stream().noneMatch(DatabaseOutageLog.class::isInstance)) {
            var outageLog = new DatabaseOutageLog(Clock.systemUTC());
            outageLog.setContext(context);
            outageLog.start();
            context.addTurboFilter(outageLog);
        }
    }

    @SuppressWarnings("unchecked")
    private static void escapeValues(LoggerContext context) {
        var registry = (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(
                CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        for (String word : MESSAGE_WORDS) {
            registry.put(word, EscapedMessageConverter::new);
        }
        for (String word : THROWABLE_WORDS) {
            registry.put(word, EscapedThrowableConverter::new);
        }
        // The encoders Boot started already hold their converters: start them again with ours.
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = logger.iteratorForAppenders();
                    it.hasNext();) {
                if (it.next() instanceof OutputStreamAppender<?> appender && appender.getEncoder() != null) {
                    restart(appender.getEncoder());
                }
            }
        }
    }

    private static void restart(Encoder<?> encoder) {
        if (encoder.isStarted()) {
            encoder.stop();
            encoder.start();
        }
    }
}
