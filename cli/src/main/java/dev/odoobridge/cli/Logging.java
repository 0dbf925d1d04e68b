package dev.odoobridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Configures Logback from the global options: verbosity and text or JSON lines, on stderr. */
final class Logging {
    private Logging() {
    }

    static void configure(int verbosity, String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.reset();
        Encoder<ILoggingEvent> encoder;
        if ("json".equals(format)) {
            JsonEncoder json = new JsonEncoder();
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            encoder = json;
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern(verbosity > 0
                    ? "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"
                    : "%d{HH:mm:ss} %-5level %msg%n");
            encoder = pattern;
        }
        encoder.setContext(ctx);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.WARN);
        Level ours = verbosity >= 2 ? Level.TRACE : verbosity == 1 ? Level.DEBUG : Level.INFO;
        ctx.getLogger("dev.odoobridge").setLevel(ours);
        if (verbosity >= 2) {
            root.setLevel(Level.INFO);
        }
        for (String noisy : new String[] {"org.mongodb.driver", "de.bwaldvogel", "io.zonky", "com.zaxxer.hikari"}) {
            ctx.getLogger(noisy).setLevel(verbosity >= 2 ? Level.INFO : Level.WARN);
        }
    }
}
