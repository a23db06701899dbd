package dev.ascent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every page of a List call, for commands that show a whole (small) collection. */
final class Pages {

    private Pages() {
    }

    /**
     * Calls {@code list} with "" and then each {@code next} token until the last page, or until {@code max} rows.
     *
     * @param list one call for a page token
     */
    static <R, T> List<T> all(Function<String, R> list, Function<R, List<T>> rows, Function<R, String> next, int max) {
        List<T> out = new ArrayList<>();
        String token = "";
        do {
            R page = list.apply(token);
            out.addAll(rows.apply(page));
            token = next.apply(page);
        } while (!token.isEmpty() && out.size() < max);
        return out;
    }
}
