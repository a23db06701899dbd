package dev.ascent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every page of a List call, for commands that show a whole (small) collection. */
final class Pages {

    /** The default --limit of the lists that show a whole collection at once. */
    static final int DEFAULT_LIMIT = 100;

    private Pages() {}

    /** The rows of a listing, and whether it left some out. */
    record Listing<T>(List<T> rows, boolean more) {}

    /**
     * Calls {@code list} with "" and then each {@code next} token until the last page, or until {@code max} rows.
     *
     * @param list one call for a page token
     */
    static <R, T> List<T> all(Function<String, R> list, Function<R, List<T>> rows, Function<R, String> next, int max) {
        return upTo(list, rows, next, max).rows();
    }

    /** As {@link #all}, telling whether rows were left out. */
    static <R, T> Listing<T> upTo(
            Function<String, R> list, Function<R, List<T>> rows, Function<R, String> next, int max) {
        List<T> out = new ArrayList<>();
        String token = "";
        do {
            R page = list.apply(token);
            out.addAll(rows.apply(page));
            token = next.apply(page);
        } while (!token.isEmpty() && out.size() < max);
        return new Listing<>(out.size() > max ? out.subList(0, max) : out, out.size() > max || !token.isEmpty());
    }

    /** Under a table that left rows out: how many it shows, and how to see more. */
    static void hint(Cli cli, int shown, boolean more) {
        if (more) {
            cli.out.printf("%d shown, more exist: --limit N shows more%n", shown);
            cli.out.flush();
        }
    }

    /** A --limit value, checked. */
    static int limit(int limit) {
        if (limit < 1) {
            throw new CliException(ExitCodes.USAGE, "--limit must be at least 1");
        }
        return limit;
    }
}
