package dev.ascent.content.importer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the starter catalog (guides written by the Ascent team, in {@code catalog/guides/}) at every start through
 * the normal importer. Unchanged guides are a no-op; a guide changed in a new release becomes a new revision of its
 * source. Turn it off with {@code ascent.catalog.bundled=false}.
 */
@Singleton
@Requires(property = "ascent.catalog.bundled", notEquals = "false")
public class BundledCatalog {

    static final String SOURCE_PREFIX = "ascent-starter/";
    private static final Logger LOG = LoggerFactory.getLogger(BundledCatalog.class);

    private final ImportService importer;

    public BundledCatalog(ImportService importer) {
        this.importer = importer;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (String file : guideFiles()) {
            ImportService.Result r = importer.importGuide(
                    new ImportService.Command(read("catalog/guides/" + file), SOURCE_PREFIX + file, null, false));
            if (!r.unchanged()) {
                LOG.info("starter catalog: imported {} into {}", file, r.role().name());
            }
        }
    }

    static List<String> guideFiles() {
        return new String(read("catalog/guides/index.txt"), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    static byte[] read(String resource) {
        try (InputStream in = BundledCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
