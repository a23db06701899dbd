package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLoggingTest {

    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    @Test
    void logbackFindsTheConfigurationThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == ServiceLogging.class));
    }

    @Test
    void theTerminalGetsTimeLevelLoggerAndMessage() {
        LoggerContext context = configured(Map.of(), Map.of());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        BackgroundAppender background = (BackgroundAppender) root.getAppender("STDOUT");
        assertInstanceOf(ConsoleAppender.class, background.target());
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb").getLevel());
        assertEquals(Level.WARN, context.getLogger("io.micronaut").getLevel());

        String printed = stdout(() -> {
            context.getLogger("ascent.calls").info("one call");
            context.getLogger("dev.ascent.common.ServiceLauncher").warn("a warning");
            context.getLogger("io.micronaut.context.DefaultBeanContext").info("not shown");
            background.awaitWritten();
        });
        List<String> lines = printed.lines().toList();
        assertEquals(2, lines.size(), printed);
        assertTrue(lines.get(0).matches(TIME + " INFO  ascent.calls - one call"), lines.get(0));
        assertTrue(lines.get(1).matches(TIME + " WARN  d.a.c.ServiceLauncher - a warning"), lines.get(1));
    }

    @Test
    void theLevelComesFromASystemPropertyBeforeTheEnvironment() {
        assertEquals(Level.INFO, level(Map.of(), Map.of()));
        assertEquals(Level.WARN, level(Map.of(), Map.of("ASCENT_LOG_LEVEL", "warn")));
        assertEquals(Level.ERROR, level(Map.of("ASCENT_LOG_LEVEL", "ERROR"), Map.of("ASCENT_LOG_LEVEL", "warn")));
        // as logback's XML configuration read a level it does not know
        assertEquals(Level.DEBUG, level(Map.of(), Map.of("ASCENT_LOG_LEVEL", "chatty")));
    }

    @Test
    void aLogFileIsAppendedDatedAndRolledBySize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("content-service.log");
        Files.writeString(file, "an earlier run\n");
        LoggerContext context = configured(
                Map.of("ascent.log.file", file.toString(), "ascent.log.max-size", "1KB", "ascent.log.files", "2"),
                Map.of());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        RollingFileAppender<?> appender =
                (RollingFileAppender<?>) ((BackgroundAppender) root.getAppender("FILE")).target();
        assertTrue(appender.isStarted());
        assertNull(root.getAppender("STDOUT"));

        context.getLogger("ascent.calls").info("one call");
        context.stop();

        List<String> lines = Files.readAllLines(file);
        assertEquals("an earlier run", lines.get(0));
        assertTrue(
                lines.get(1).matches("\\d{4}-\\d\\d-\\d\\d " + TIME + " INFO  ascent.calls - one call"), lines.get(1));
    }

    @Test
    void linesFromManyThreadsAreAllWrittenWholeAndAnIdleLineIsNotLeftInTheBuffer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tracker-service.log");
        LoggerContext context = configured(Map.of("ascent.log.file", file.toString()), Map.of());
        Logger calls = context.getLogger("ascent.calls");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    calls.info("thread {} line {}", thread, i);
                }
            });
            writer.start();
            threads.add(writer);
        }
        for (Thread t : threads) {
            t.join();
        }
        ((BackgroundAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).awaitWritten();
        List<String> lines = Files.readAllLines(file);
        assertEquals(32_000, lines.size(), "no line is dropped, however full the queue gets");
        assertEquals(
                32_000,
                lines.stream()
                        .filter(l -> l.matches(".* INFO  ascent.calls - thread \\d+ line \\d+"))
                        .count());

        // A lone line is flushed when its batch ends, without waiting for more lines to fill the buffer.
        context.getLogger("dev.ascent.common.ServiceLauncher").warn("the last line");
        long until = System.nanoTime() + 5_000_000_000L;
        while (!Files.readString(file).contains("the last line") && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(Files.readString(file).endsWith("WARN  d.a.c.ServiceLauncher - the last line\n"));
        context.stop();
    }

    private static String stdout(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Level level(Map<String, String> properties, Map<String, String> env) {
        return ServiceLogging.rootLevel(properties::get, env::get);
    }

    private static LoggerContext configured(Map<String, String> properties, Map<String, String> env) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        ServiceLogging.configure(context, properties::get, env::get);
        context.start();
        return context;
    }
}
