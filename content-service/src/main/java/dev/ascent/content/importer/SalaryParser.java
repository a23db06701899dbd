package dev.ascent.content.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts from salary lines. A number counts as money when it carries a currency symbol or code, a k/m
 * suffix, or thousands separators, which keeps years and percentages out. Two amounts joined by "-", "–", "to"
 * or "and" form a range; a single amount is both min and max, except after "up to" (max only) or with a
 * trailing "+" (min only). A suffix on the second amount of "$300-600K" applies to the first as well.
 */
final class SalaryParser {
    private static final Map<String, String> SYMBOLS =
            Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR");
    private static final String CODES = "USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SEK|NOK|DKK|PLN|SGD|NZD";
    private static final Pattern AMOUNT = Pattern.compile("(?<pre>(?:" + CODES + ")\\s?|[$€£¥₹]\\s?)?"
            + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?<suf>\\s?[kKmM](?![a-zA-Z]))?"
            + "(?<plus>\\+)?(?<post>\\s?(?:" + CODES + ")\\b)?");
    private static final Pattern RANGE_JOIN =
            Pattern.compile("^\\s*(?:\\([^)]*\\)\\s*)?(?:-|–|—|to|and)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UP_TO = Pattern.compile("(?i)\\b(?:up to|as much as|max(?:imum)?(?: of)?)\\s*$");
    private static final Pattern LABEL_END = Pattern.compile("(?<=\\p{Ll})(?=" + CODES + "|[$€£¥₹])");

    /** No salary in any currency reaches this; a larger figure is a typo or garbage, not data. */
    static final long MAX_AMOUNT = 1_000_000_000L;

    private static final int MAX_DIGITS = 13;
    private static final int MAX_AMOUNTS_READ = 8;
    private static final Pattern MONEY_CHAR = Pattern.compile("[\\d$€£¥₹]");

    private SalaryParser() {}

    /** A figure outside 0..{@link #MAX_AMOUNT}; the line is skipped with a warning rather than failing the import. */
    static final class OutOfRange extends RuntimeException {
        OutOfRange(String message) {
            super(message, null, false, false);
        }
    }

    /** Lines without a digit or currency symbol are prose, not salary figures. */
    static boolean mentionsMoney(String text) {
        return MONEY_CHAR.matcher(text).find();
    }

    private record Money(int start, int end, BigDecimal value, String suffix, String currency, boolean plus) {}

    /** Parses one salary line; {@code fallbackLabel} is used when the line has no label of its own. */
    static ParsedSalary parse(String raw, int line, String fallbackLabel) {
        List<Money> amounts = amounts(raw);
        String label = label(raw, amounts, fallbackLabel);
        if (amounts.isEmpty()) {
            return new ParsedSalary(label, null, null, null, raw, line);
        }
        Money first = amounts.get(0);
        Money second = amounts.size() > 1
                        && RANGE_JOIN
                                .matcher(raw.substring(
                                        first.end(), amounts.get(1).start()))
                                .matches()
                ? amounts.get(1)
                : null;
        String currency = first.currency() != null ? first.currency() : second != null ? second.currency() : null;
        if (currency == null) {
            currency = amounts.stream()
                    .map(Money::currency)
                    .filter(c -> c != null)
                    .findFirst()
                    .orElse(null);
        }
        if (second != null) {
            String suffix = first.suffix() != null ? first.suffix() : second.suffix();
            return new ParsedSalary(
                    label, whole(first.value(), suffix), whole(second.value(), second.suffix()), currency, raw, line);
        }
        Long value = whole(first.value(), first.suffix());
        boolean upTo = UP_TO.matcher(raw.substring(0, first.start())).find();
        if (upTo) {
            return new ParsedSalary(label, null, value, currency, raw, line);
        }
        return new ParsedSalary(label, value, first.plus() ? null : value, currency, raw, line);
    }

    private static List<Money> amounts(String raw) {
        List<Money> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(raw);
        // A range needs two amounts and a currency; a line with hundreds of figures is not a salary line anyway.
        while (out.size() < MAX_AMOUNTS_READ && m.find()) {
            String pre = trimOrNull(m.group("pre"));
            String post = trimOrNull(m.group("post"));
            String suffix = trimOrNull(m.group("suf"));
            String num = m.group("num");
            boolean grouped = num.contains(",");
            if (pre == null && post == null && suffix == null && !grouped) {
                continue;
            }
            if (m.end() < raw.length() && raw.charAt(m.end()) == '%') {
                continue;
            }
            String currency = pre != null ? currencyOf(pre) : post != null ? currencyOf(post) : null;
            String digits = num.replace(",", "");
            int whole = digits.indexOf('.') < 0 ? digits.length() : digits.indexOf('.');
            if (whole > MAX_DIGITS || digits.length() > 2 * MAX_DIGITS) {
                throw new OutOfRange("the amount " + abbreviate(num) + " is larger than any salary");
            }
            out.add(new Money(m.start(), m.end(), new BigDecimal(digits), suffix, currency, m.group("plus") != null));
        }
        return out;
    }

    private static String currencyOf(String token) {
        return SYMBOLS.getOrDefault(token, token);
    }

    private static String trimOrNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long whole(BigDecimal value, String suffix) {
        BigDecimal v = value;
        if (suffix != null) {
            v = v.multiply(BigDecimal.valueOf(suffix.equalsIgnoreCase("k") ? 1_000 : 1_000_000));
        }
        if (v.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
            throw new OutOfRange("the amount " + abbreviate(v.toPlainString()) + " is above " + MAX_AMOUNT);
        }
        return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "...";
    }

    /** "Entry: ..." gives "Entry"; "Entry LevelUSD 110,000" gives "Entry Level"; otherwise the fallback. */
    private static String label(String raw, List<Money> amounts, String fallback) {
        int colon = raw.indexOf(':');
        if (colon > 0
                && (amounts.isEmpty() || colon < amounts.get(0).start())
                && LineShapes.wordCount(raw.substring(0, colon)) <= 6) {
            return raw.substring(0, colon).trim();
        }
        if (!amounts.isEmpty()) {
            String before = raw.substring(0, amounts.get(0).start());
            Matcher glued = LABEL_END.matcher(raw);
            if (glued.find() && glued.start() <= amounts.get(0).start()) {
                before = raw.substring(0, glued.start());
            }
            before = before.trim();
            if (!before.isEmpty() && LineShapes.wordCount(before) <= 4 && LineShapes.headingLike(before)) {
                return before;
            }
        }
        return fallback == null ? "" : fallback;
    }
}
