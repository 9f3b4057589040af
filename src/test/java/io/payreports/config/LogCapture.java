package io.payreports.config;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** The log lines a test makes, as an operator would read them. */
final class LogCapture {

    private LogCapture() {}

    /** Every log event of every logger at DEBUG and above into the writer, until closed. */
    static AutoCloseable captureLogs(StringWriter writer) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("test-capture")
                .setTarget(writer)
                .setLayout(PatternLayout.newBuilder()
                        .withPattern("%p %c %m %ex%n")
                        .withConfiguration(configuration)
                        .build())
                .build();
        appender.start();
        Level before = configuration.getRootLogger().getLevel();
        configuration.getRootLogger().addAppender(appender, Level.DEBUG, null);
        configuration.getRootLogger().setLevel(Level.DEBUG);
        context.updateLoggers();
        return () -> {
            configuration.getRootLogger().removeAppender(appender.getName());
            configuration.getRootLogger().setLevel(before);
            context.updateLoggers();
            appender.stop();
        };
    }
}
