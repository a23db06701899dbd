package dev.ascent.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The services' logback configuration, in code: logback finds it through {@code ServiceLoader}
 * ({@code META-INF/services/ch.qos.logback.classic.spi.Configurator}) before it would look for an XML file. Reading
 * an XML configuration (Joran: a SAX parser and about 500 classes) took about a sixth of a service's start-up
 * (docs/PERFORMANCE.md, "Start-up").
 *
 * <p>To the terminal by default: {@code HH:mm:ss.SSS LEVEL logger - message}. With {@code -Dascent.log.file=PATH}
 * (set by {@code ./ascent up}) to that file instead, appended and rolled by size into {@code PATH.1} ...
 * {@code PATH.<ascent.log.files>} (default 5) once it passes {@code ascent.log.max-size} (default 10MB), with the
 * date in each line. The root level is {@code ASCENT_LOG_LEVEL} (a system property or the environment, default
 * INFO); Hikari, Flyway and Micronaut log warnings only. An explicit {@code -Dlogback.configurationFile}, or a
 * {@code logback-test.xml} on the class path (the client tests), is left to logback's own XML configuration.
 */
public final class ServiceLogging extends ContextAwareBase implements Configurator {

    static final String LOG_FILE = "ascent.log.file";
    static final String LEVEL_VARIABLE = "ASCENT_LOG_LEVEL";
    private static final String TERMINAL_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    /**
     * Kept at these levels whatever the root level. gRPC's HTTP/2 frame loggers (io.grpc.netty, at DEBUG) print
     * every header and message, bearer tokens and token-bearing responses included, so they never go below INFO.
     */
    private static final Map<String, Level> QUIET = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.micronaut", Level.WARN,
            "io.grpc.netty", Level.INFO,
            "io.netty.handler.codec.http2", Level.INFO);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ServiceLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, System::getProperty, System::getenv);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} from the given system properties and environment. */
    static void configure(LoggerContext context, UnaryOperator<String> properties, UnaryOperator<String> env) {
        String file = properties.apply(LOG_FILE);
        OutputStreamAppender<ILoggingEvent> appender =
                file == null ? terminal(context) : rollingFile(context, file, properties);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel(properties, env));
        BackgroundAppender background = new BackgroundAppender(appender);
        background.start();
        root.addAppender(background);
    }

    /**
     * {@code ASCENT_LOG_LEVEL} as a system property, else from the environment; INFO when unset. As the XML
     * configuration read it: a value logback does not know means DEBUG.
     */
    static Level rootLevel(UnaryOperator<String> properties, UnaryOperator<String> env) {
        String level = properties.apply(LEVEL_VARIABLE);
        if (level == null) {
            level = env.apply(LEVEL_VARIABLE);
        }
        return level == null ? Level.INFO : Level.toLevel(level);
    }

    private static OutputStreamAppender<ILoggingEvent> terminal(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDOUT");
        appender.setEncoder(encoder(context, TERMINAL_PATTERN));
        appender.setImmediateFlush(false); // BackgroundAppender flushes once a batch
        appender.start();
        // System.out flushes every write: buffered here, a batch of lines is one write.
        appender.setOutputStream(new BufferedOutputStream(appender.getOutputStream(), 16_384));
        return appender;
    }

    private static OutputStreamAppender<ILoggingEvent> rollingFile(
            LoggerContext context, String file, UnaryOperator<String> properties) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file);
        appender.setAppend(true);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(Integer.parseInt(orDefault(properties.apply("ascent.log.files"), "5")));
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(orDefault(properties.apply("ascent.log.max-size"), "10MB")));
        // logback looks at the file's size at most this often (its default is a minute). A file overshoots the limit by
        // what is written between two looks: a tenth of a second at a few thousand lines a second is tens of KB.
        trigger.setCheckIncrement(Duration.buildByMilliseconds(100));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, FILE_PATTERN));
        appender.setImmediateFlush(false); // BackgroundAppender flushes once a batch
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8); // not the locale's: with none set, Java 17's is ASCII
        encoder.start();
        return encoder;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
