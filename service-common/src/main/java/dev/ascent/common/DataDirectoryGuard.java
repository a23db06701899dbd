package dev.ascent.common;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once the service is up (migrations ran, the embedded database made its files), tightens the data directory. */
@Singleton
@Requires(property = "ascent.home")
public class DataDirectoryGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryGuard.class);
    private final Path home;

    public DataDirectoryGuard(@Value("${ascent.home}") String home) {
        this.home = Path.of(home);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            DataDirectory.secure(home);
        } catch (IOException e) {
            LOG.warn("cannot tighten the permissions of {}: {}", home, e.toString());
        }
    }
}
