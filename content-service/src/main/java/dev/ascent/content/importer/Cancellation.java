package dev.ascent.content.importer;

import java.util.function.BooleanSupplier;

/**
 * Lets a caller stop a parse it no longer waits for. The parser checks it once per line and per bounded piece of
 * work, so a cancelled or expired import stops using CPU promptly instead of running to the end.
 */
@FunctionalInterface
public interface Cancellation {
    Cancellation NONE = () -> false;

    boolean isCancelled();

    /** Throws {@link Cancelled} when the caller gave up. */
    default void check() {
        if (isCancelled()) {
            throw new Cancelled();
        }
    }

    static Cancellation of(BooleanSupplier cancelled) {
        return cancelled::getAsBoolean;
    }

    /** The parse was abandoned because its caller cancelled or its deadline passed. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("the import was cancelled", null, false, false);
        }
    }
}
