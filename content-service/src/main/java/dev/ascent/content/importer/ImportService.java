package dev.ascent.content.importer;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.FieldViolation;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.RoleView;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports a career guide: decode, parse, then store in one transaction ({@link ImportWriter}) and refresh the
 * cached role. A document that cannot be read is INVALID_ARGUMENT with the line where reading failed; nothing is
 * stored unless everything is.
 */
@Singleton
public class ImportService {

    public static final int MAX_SOURCE_NAME = 255;

    /**
     * What to import. {@code title} overrides the inferred role title when not blank; {@code cancellation} tells
     * the parser when the caller has gone away.
     */
    public record Command(
            byte[] text,
            String sourceName,
            String title,
            boolean dryRun,
            GuideFormat format,
            Cancellation cancellation) {
        public Command(byte[] text, String sourceName, String title, boolean dryRun) {
            this(text, sourceName, title, dryRun, GuideFormat.AUTO, Cancellation.NONE);
        }
    }

    public record Result(
            RoleView role, ImportCounts counts, List<ParseWarning> warnings, boolean unchanged, GuideFormat format) {}

    private final GuideParser parser = new GuideParser();
    private final ImportWriter writer;
    private final CatalogService catalog;

    public ImportService(ImportWriter writer, CatalogService catalog) {
        this.writer = writer;
        this.catalog = catalog;
    }

    public Result importGuide(Command command) {
        if (command.sourceName() != null && command.sourceName().length() > MAX_SOURCE_NAME) {
            throw ApiException.invalid("source_name", "must be at most " + MAX_SOURCE_NAME + " characters");
        }
        if (command.title() != null && command.title().strip().length() > ColumnLimits.TITLE) {
            throw ApiException.invalid("title", "must be at most " + ColumnLimits.TITLE + " characters");
        }
        String text;
        ParsedGuide guide;
        GuideFormat format;
        try {
            text = GuideText.decode(command.text());
            format = command.format().resolve(command.sourceName(), text);
            guide = parser.parse(text, command.title(), format, command.cancellation());
        } catch (GuideParseException e) {
            String where = e.line() > 0 ? " (line " + e.line() + ")" : "";
            throw ApiException.invalid(List.of(new FieldViolation("text", e.getMessage() + where)));
        }
        ColumnLimits.check(guide, command.title() != null && !command.title().isBlank());
        String slug = Slugs.of(guide.title());
        if (slug.isEmpty()) {
            throw ApiException.invalid("title", "the role title '" + guide.title() + "' has no letters or digits");
        }
        String sha = sha256(text);
        String sourceName = command.sourceName() == null || command.sourceName().isBlank()
                ? "import-" + sha.substring(0, 12)
                : command.sourceName().strip();
        int lineCount = (int) text.lines().count();
        if (command.dryRun()) {
            return new Result(
                    Preview.of(slug, guide, sourceName, sha, lineCount),
                    Preview.counts(guide),
                    guide.warnings(),
                    false,
                    format);
        }
        boolean titleGiven = command.title() != null && !command.title().isBlank();
        command.cancellation().check();
        ImportWriter.Written written = writeWithRetry(
                new ImportWriter.Document(slug, guide, sourceName, sha, lineCount, titleGiven, command.cancellation()));
        if (!written.unchanged()) {
            catalog.invalidate(slug); // unchanged text wrote nothing: the kept role still holds
        }
        return new Result(catalog.getRole(slug), written.counts(), guide.warnings(), written.unchanged(), format);
    }

    /**
     * Two imports that create the same new role or skill at once collide on a unique key, or (InnoDB gap locks)
     * deadlock; the loser's transaction rolls back whole, and running it again finds the winner's rows.
     */
    private ImportWriter.Written writeWithRetry(ImportWriter.Document doc) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.write(doc);
            } catch (RuntimeException e) {
                if (attempt >= 5 || !isRetryable(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean isRetryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
