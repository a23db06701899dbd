package dev.ascent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Every page of a List call, for commands that show a whole (small) collection. */
final class Pages {

    /** The default --limit of the lists that show a whole collection at once. */
    static final int DEFAULT_LIMIT = 100;

    private Pages() {}

    /** The service's count limit: a total_size of this many means at least that many. */
    static final int MAX_COUNTED = 10_000;

    /** The rows of a listing, whether it left some out, and the list's total_size (0 when not counted). */
    record Listing<T>(List<T> rows, boolean more, int total) {}

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
        return upTo(list, rows, next, r -> 0, max);
    }

    /** As {@link #all}, telling whether rows were left out and the total_size of the last page. */
    static <R, T> Listing<T> upTo(
            Function<String, R> list,
            Function<R, List<T>> rows,
            Function<R, String> next,
            ToIntFunction<R> total,
            int max) {
        List<T> out = new ArrayList<>();
        String token = "";
        int counted;
        do {
            R page = list.apply(token);
            out.addAll(rows.apply(page));
            token = next.apply(page);
            counted = total.applyAsInt(page);
        } while (!token.isEmpty() && out.size() < max);
        return new Listing<>(
                out.size() > max ? out.subList(0, max) : out, out.size() > max || !token.isEmpty(), counted);
    }

    /** Under a table that left rows out: "20 of 312; --limit N shows more". */
    static void hint(Cli cli, int shown, Listing<?> listing) {
        if (listing.more()) {
            hint(cli, shown, listing.total(), "--limit N shows more");
        }
    }

    /** Under a table that left rows out: how many it shows of how many, then {@code howToSeeMore}. */
    static void hint(Cli cli, int shown, int total, String howToSeeMore) {
        cli.out.printf("%s; %s%n", shownOf(shown, total), howToSeeMore);
        cli.out.flush();
    }

    /** "20 of 312" ("20 of 10000+" at the service's count limit), or "20 shown, more exist" without a total. */
    static String shownOf(int shown, int total) {
        if (total <= shown) {
            return shown + " shown, more exist";
        }
        return shown + " of " + total + (total >= MAX_COUNTED ? "+" : "");
    }

    /** A --limit value, checked. */
    static int limit(int limit) {
        if (limit < 1) {
            throw new CliException(ExitCodes.USAGE, "--limit must be at least 1");
        }
        return limit;
    }
}
