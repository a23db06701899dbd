package dev.ascent.common;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the services' log lines from one background thread, a batch at a time with one flush a batch, so a call
 * only hands its line over: with one line a call, 16 callers each writing and flushing under the output's lock
 * cost a quarter to a third of a read's throughput (docs/PERFORMANCE.md, fifth round). Nothing is dropped: a full
 * queue makes the logging thread wait. A batch ends when the queue is empty, so a line reaches the file or terminal
 * within milliseconds even when the service is idle. At exit a shutdown hook waits (up to two seconds) until every
 * line logged before it is written; the thread keeps writing while other shutdown hooks log.
 *
 * <p>{@code target} must be started with {@code immediateFlush} off; only this appender's thread writes to it.
 */
final class BackgroundAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final int QUEUE = 8_192;
    private static final long EXIT_WAIT_NANOS = 2_000_000_000L;

    private final OutputStreamAppender<ILoggingEvent> target;
    private final BlockingQueue<ILoggingEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    BackgroundAppender(OutputStreamAppender<ILoggingEvent> target) {
        this.target = target;
        setContext(target.getContext());
        setName(target.getName());
    }

    OutputStreamAppender<ILoggingEvent> target() {
        return target;
    }

    @Override
    public void start() {
        Thread writer = new Thread(this::write, "ascent-log-writer");
        writer.setDaemon(true);
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::awaitWritten, "ascent-log-exit"));
        super.start();
    }

    /** Writes what is queued, then stops the output (the logging context stopping: tests, a restart of logback). */
    @Override
    public void stop() {
        awaitWritten();
        super.stop();
        target.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // the message and thread name, while the caller's state is at hand
        queued.incrementAndGet();
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            queued.decrementAndGet();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every line queued so far is written and flushed, or {@code EXIT_WAIT_NANOS} have passed. */
    void awaitWritten() {
        long wanted = queued.get();
        long until = System.nanoTime() + EXIT_WAIT_NANOS;
        while (written.get() < wanted && System.nanoTime() < until) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write() {
        List<ILoggingEvent> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, QUEUE);
            try {
                for (ILoggingEvent e : batch) {
                    target.doAppend(e);
                }
                target.getOutputStream().flush();
            } catch (IOException | RuntimeException e) {
                addError("writing " + batch.size() + " log lines failed", e);
            }
            written.addAndGet(batch.size());
            batch.clear();
        }
    }
}
