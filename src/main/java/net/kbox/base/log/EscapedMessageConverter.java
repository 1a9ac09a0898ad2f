package net.kbox.base.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Arrays;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %m} with every value escaped ({@link LogText}): the values passed for {@code {}} are escaped
 * entirely, and the text the code wrote keeps its own line breaks (the framed notice of the bootstrap
 * password, Spring Boot's failure report) while every other control character in it is escaped.
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null || arguments.length == 0 || event.getMessage() == null) {
            return LogText.escapeKeepingLineBreaks(event.getFormattedMessage());
        }
        Object[] escaped = Arrays.stream(arguments).map(EscapedMessageConverter::escaped).toArray();
        return LogText.escapeKeepingLineBreaks(MessageFormatter.arrayFormat(event.getMessage(), escaped).getMessage());
    }

    private static String escaped(Object argument) {
        return LogText.escape(argument instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(argument));
    }
}
