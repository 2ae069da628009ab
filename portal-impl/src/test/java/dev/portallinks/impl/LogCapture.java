package dev.portallinks.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures what one class logs during each test, at every level ({@code @RegisterExtension}). */
public final class LogCapture extends Handler implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    /**
     * Captures the logger named after the class.
     *
     * @param logging the class whose logger to capture
     */
    public LogCapture(Class<?> logging) {
        this.logger = Logger.getLogger(logging.getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (records) {
            records.clear();
        }
        logger.addHandler(this);
        logger.setLevel(Level.ALL);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(this);
        logger.setLevel(null);
    }

    /**
     * Returns the messages logged at one level so far in this test.
     *
     * @param level the level
     * @return the messages, in order
     */
    public List<String> at(Level level) {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
        }
    }

    @Override
    public void publish(LogRecord record) {
        synchronized (records) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing to release
    }
}
