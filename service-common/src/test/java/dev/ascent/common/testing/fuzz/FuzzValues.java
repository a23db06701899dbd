package dev.ascent.common.testing.fuzz;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The values a careless client or an attacker sends, by field type: empty, boundary, negative and huge numbers,
 * very long text, invalid UTF-8 in bytes, malformed resource names and page tokens. Real names of the running
 * service (and their mutations) are mixed in so that calls get past the first check. Long values draw on a byte
 * budget per request, so one request stays near the services' inbound message limits.
 */
final class FuzzValues {

    private static final String EMOJI = "\uD83D\uDE80";
    private static final String[] ODD = {
        "",
        " ",
        "\u0000",
        EMOJI,
        "x",
        "..",
        "/",
        "users/",
        "users//plans/1",
        "roles/",
        "-1",
        "0",
        "null",
        "%00",
        "'; DROP TABLE plan; --",
        "\u202Eevil",
        "a/b/c/d/e/f/g",
        "\uFEFF",
        "\t\n",
        "users/-/plans/-",
        "*",
        "users/admin",
        "\uD800",
        "\u00e9\u0301",
        "<script>alert(1)</script>"
    };
    private static final int[] INTS = {
        0,
        1,
        -1,
        2,
        4,
        5,
        6,
        10,
        20,
        99,
        100,
        101,
        199,
        200,
        201,
        300,
        301,
        479,
        480,
        481,
        499,
        500,
        501,
        1000,
        1001,
        1439,
        1440,
        1441,
        4000,
        4001,
        65_535,
        65_536,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE - 1,
        Integer.MIN_VALUE + 1
    };
    private static final long[] LONGS = {
        0,
        1,
        -1,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        1L << 31,
        1L << 32,
        -(1L << 53),
        253_402_300_800L,
        -62_135_596_801L,
        1_700_000_000L,
        1_700_000_000_000_000L
    };
    private static final double[] DOUBLES = {
        0,
        -0.0,
        0.1,
        0.49,
        0.5,
        1,
        5,
        6,
        79.99,
        80,
        80.01,
        120,
        -1,
        1e300,
        -1e300,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE,
        Double.MAX_VALUE,
        0.7,
        0.69,
        0.99,
        0.991
    };
    private static final int[] LONG_LENGTHS = {65, 101, 129, 201, 301, 1001, 2001, 4001, 65_536, 70_000, 300_000};
    private static final String[] DAYS = {
        "",
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "0000-01-01",
        "9999-12-31",
        "1970-01-01",
        "2024-1-1",
        "24-01-01",
        "yesterday",
        "2100-01-01",
        "-2024-01-01",
        "+10000-01-01"
    };
    private static final String[] ZONES = {
        "",
        "UTC",
        "Europe/Berlin",
        "Mars/Olympus",
        "GMT+99",
        "+25:00",
        "America/Argentina/ComodRivadavia",
        "Z",
        "SystemV/AST4",
        "../../etc/passwd"
    };

    private final Random random;
    private final List<String> names;
    private final Map<String, List<String>> hints;
    private final boolean gentle;
    private int budget;

    /**
     * {@code hints} give likely good values by field name; a {@code gentle} request fills most fields with
     * plausible values (hints, small numbers, known enum values) so that the odd field it bends reaches the code
     * behind validation.
     */
    FuzzValues(Random random, List<String> names, Map<String, List<String>> hints, int budgetBytes) {
        this.random = random;
        this.names = names;
        this.hints = hints;
        this.gentle = random.nextBoolean();
        this.budget = budgetBytes;
    }

    boolean gentle() {
        return gentle;
    }

    /** A plausible value for a gentle request: a hint, empty, or a short ordinary value. */
    Object plausible(FieldDescriptor f) {
        List<String> hint = hint(f);
        return switch (f.getJavaType()) {
            case STRING ->
                hint != null && random.nextInt(100) < 85
                        ? hint.get(random.nextInt(hint.size()))
                        : random.nextBoolean()
                                        || f.getName().equals("etag")
                                        || f.getName().equals("request_id")
                                ? ""
                                : "fuzz-" + random.nextInt(1000);
            case INT ->
                random.nextInt(10) < 3 ? 0 : random.nextInt(10) < 7 ? 1 + random.nextInt(5) : 10 + random.nextInt(50);
            case LONG -> (long) random.nextInt(100);
            case DOUBLE -> 1.0 + random.nextInt(10);
            case FLOAT -> 1.0f + random.nextInt(10);
            case BOOLEAN -> random.nextBoolean();
            case BYTE_STRING -> ByteString.copyFromUtf8("Overview\nA role.\nSkills\n- Python\n- SQL\n");
            case ENUM ->
                f.getEnumType()
                        .getValues()
                        .get(
                                f.getEnumType().getValues().size() > 1
                                        ? 1
                                                + random.nextInt(f.getEnumType()
                                                                .getValues()
                                                                .size()
                                                        - 1)
                                        : 0);
            case MESSAGE -> null;
        };
    }

    int chance(int percent) {
        return random.nextInt(100) < percent ? 1 : 0;
    }

    Random random() {
        return random;
    }

    int int32() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextInt(50);
            default -> INTS[random.nextInt(INTS.length)];
        };
    }

    long int64() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> int32();
            default -> LONGS[random.nextInt(LONGS.length)];
        };
    }

    double real() {
        return random.nextInt(4) == 0 ? random.nextDouble() * 200 - 50 : DOUBLES[random.nextInt(DOUBLES.length)];
    }

    /** A string for {@code field}, shaped by what its name says it holds. */
    String string(FieldDescriptor field) {
        String name = field.getName();
        int pick = random.nextInt(100);
        if (name.endsWith("page_token") && pick < 70) {
            return pageToken();
        }
        if (name.equals("request_id") && pick < 70) {
            return switch (random.nextInt(5)) {
                case 0 -> "fuzz-" + random.nextInt(3);
                case 1 -> "bad id!";
                case 2 -> "r".repeat(65);
                default -> Long.toHexString(random.nextLong());
            };
        }
        if ((name.endsWith("day") || name.endsWith("date")) && pick < 70) {
            return DAYS[random.nextInt(DAYS.length)];
        }
        if (name.equals("time_zone") && pick < 70) {
            return ZONES[random.nextInt(ZONES.length)];
        }
        if (pick < 35) {
            return random.nextBoolean() ? anyName() : malformed(anyName());
        }
        if (pick < 55) {
            return ODD[random.nextInt(ODD.length)];
        }
        if (pick < 75) {
            return ascii(random.nextInt(24));
        }
        if (pick < 88) {
            return longText();
        }
        return unicode(1 + random.nextInt(40));
    }

    /** Bytes: empty, random, invalid UTF-8, text, or long. */
    ByteString bytes() {
        return switch (random.nextInt(7)) {
            case 0 -> ByteString.EMPTY;
            case 1 -> ByteString.copyFrom(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80});
            case 2 -> {
                byte[] b = new byte[random.nextInt(2000)];
                random.nextBytes(b);
                yield ByteString.copyFrom(b);
            }
            case 3 -> ByteString.copyFromUtf8("Overview\nA role.\nSkills\n- " + string0() + "\n- Python\n");
            case 4 -> ByteString.copyFromUtf8("# T\n## Skills\n" + "- x\n".repeat(random.nextInt(3000)));
            case 5 ->
                ByteString.copyFrom(("<main><h2>Skills</h2><ul><li>" + unicode(30) + "</li></ul>"
                                + "<div>".repeat(random.nextInt(5000)))
                        .getBytes(StandardCharsets.UTF_8));
            default -> {
                int size = spend(random.nextBoolean() ? 1_048_577 : 1_048_576 - 1);
                byte[] b = new byte[size];
                for (int i = 0; i < size; i++) {
                    b[i] = (byte) (i % 97 == 96 ? '\n' : 'a' + i % 26);
                }
                if (size > 10) {
                    b[size / 2] = (byte) 0xC0;
                }
                yield ByteString.copyFrom(b);
            }
        };
    }

    /** How many elements a repeated field gets: mostly none or a few, sometimes just past a limit, rarely huge. */
    int count() {
        int pick = random.nextInt(100);
        if (pick < 45) {
            return 0;
        }
        if (pick < 80) {
            return 1 + random.nextInt(3);
        }
        if (pick < 92) {
            return 4 + random.nextInt(17);
        }
        if (pick < 98) {
            return new int[] {11, 21, 101, 201, 501, 1001}[random.nextInt(6)];
        }
        return 20_000;
    }

    /**
     * Good values for {@code f}: hinted for {@code Message.field}, else (for a {@code name}) the names whose last
     * collection, singular, ends the message's name ({@code users/a/practiceSessions/7} for
     * {@code GetPracticeSessionRequest.name} or {@code PracticeSession.name}), else hinted for the field's name.
     */
    private List<String> hint(FieldDescriptor f) {
        String type = f.getContainingType().getName();
        List<String> exact = hints.get(type + "." + f.getName());
        if (exact != null) {
            return exact;
        }
        if (f.getName().equals("name")) {
            String subject = type.endsWith("Request") ? type.substring(0, type.length() - 7) : type;
            List<String> fitting = names.stream()
                    .filter(n -> {
                        String[] parts = n.split("/");
                        if (parts.length < 2) {
                            return false;
                        }
                        String collection = parts[parts.length - 2];
                        String singular = collection.endsWith("s")
                                ? collection.substring(0, collection.length() - 1)
                                : collection;
                        return !singular.isEmpty()
                                && subject.endsWith(Character.toUpperCase(singular.charAt(0)) + singular.substring(1));
                    })
                    .toList();
            if (!fitting.isEmpty()) {
                return fitting;
            }
        }
        return hints.get(f.getName());
    }

    /** Whether long values may still be drawn for this request. */
    boolean rich() {
        return budget > 0;
    }

    private int spend(int bytes) {
        int granted = Math.max(0, Math.min(bytes, budget));
        budget -= Math.max(granted, 64);
        return granted;
    }

    private String string0() {
        return ODD[random.nextInt(ODD.length)];
    }

    private String anyName() {
        return names.isEmpty() ? "users/fuzz" : names.get(random.nextInt(names.size()));
    }

    private String pageToken() {
        String token = anyName();
        return switch (random.nextInt(6)) {
            case 0 -> Base64.getUrlEncoder().encodeToString(randomBytes(1 + random.nextInt(40)));
            case 1 -> malformed(token);
            case 2 ->
                Base64.getEncoder().encodeToString(("{\"after\":" + int64() + "}").getBytes(StandardCharsets.UTF_8));
            case 3 -> ODD[random.nextInt(ODD.length)];
            case 4 ->
                Base64.getUrlEncoder().withoutPadding().encodeToString(("" + int64()).getBytes(StandardCharsets.UTF_8));
            default -> token;
        };
    }

    /** A resource name bent out of shape: truncated, extended, with a huge or negative id, doubled slashes. */
    String malformed(String name) {
        if (name.isEmpty()) {
            return "/";
        }
        int cut = name.lastIndexOf('/');
        String stem = cut < 0 ? name : name.substring(0, cut + 1);
        return switch (random.nextInt(10)) {
            case 0 -> name + "/x";
            case 1 -> stem + "99999999999999999999";
            case 2 -> stem + "-5";
            case 3 -> stem + "0";
            case 4 -> name.substring(0, random.nextInt(name.length()));
            case 5 -> name.replace("/", "//");
            case 6 -> name.toUpperCase(java.util.Locale.ROOT);
            case 7 -> stem + EMOJI;
            case 8 -> name + " ";
            default -> stem + Long.MAX_VALUE;
        };
    }

    private String longText() {
        int length = LONG_LENGTHS[random.nextInt(LONG_LENGTHS.length)];
        boolean emoji = random.nextBoolean();
        int granted = spend(length * (emoji ? 2 : 1));
        if (granted < length * (emoji ? 2 : 1)) {
            return ascii(1 + random.nextInt(8));
        }
        return emoji ? EMOJI.repeat(length / 2) + (length % 2 == 1 ? "x" : "") : "a".repeat(length);
    }

    private String ascii(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (32 + random.nextInt(95)));
        }
        return b.toString();
    }

    private String unicode(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0 -> 0x1F300 + random.nextInt(0x300);
                case 1 -> 0x0590 + random.nextInt(0x100);
                case 2 -> random.nextInt(0x20);
                case 3 -> 0x4E00 + random.nextInt(0x5000);
                default -> 0x0300 + random.nextInt(0x70);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
