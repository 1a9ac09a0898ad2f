package net.kbox.base.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Arrays;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %m} with every value escaped ({@link LogText}). The values passed for {@code {}} are escaped and
 * the message written by the code keeps its own line breaks (the framed notice of the bootstrap password);
 * a message without values is escaped as a whole, since it may have been put together from values.
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null || arguments.length == 0 || event.getMessage() == null) {
            return LogText.escape(event.getFormattedMessage());
        }
        Object[] escaped = Arrays.stream(arguments).map(EscapedMessageConverter::escaped).toArray();
        return MessageFormatter.arrayFormat(event.getMessage(), escaped).getMessage();
    }

    private static String escaped(Object argument) {
        return LogText.escape(argument instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(argument));
    }
}
