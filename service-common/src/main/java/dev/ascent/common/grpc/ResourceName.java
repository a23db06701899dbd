package dev.ascent.common.grpc;

import dev.ascent.common.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource-name pattern (AIP-122) such as {@code users/{handle}/plans/{plan}}, which parses the names clients
 * send and formats the names the services return. Each {@code {variable}} matches the regular expression given
 * for it, in order:
 * <pre>{@code
 * static final ResourceName PLAN = ResourceName.of("users/{handle}/plans/{plan}", HANDLE, ID);
 * ResourceName.Parts parts = PLAN.parse(request.getName(), "name");   // INVALID_ARGUMENT naming the field
 * long plan = parts.id("plan");
 * String name = PLAN.format("ada", 42);                                // users/ada/plans/42
 * }</pre>
 * A malformed or missing name is INVALID_ARGUMENT with a field violation on {@code field} that shows the pattern.
 * Whether the named resource exists (NOT_FOUND) is for the service to say.
 */
public final class ResourceName {

    /** A user's handle: 3 to 32 lowercase letters, digits and '-', starting with a letter. */
    public static final String HANDLE = "[a-z][a-z0-9-]{2,31}";
    /** A numeric id; one too large for a {@code long} is refused by {@link Parts#id}. */
    public static final String ID = "\\d{1,19}";
    /** A slug of up to 120 lowercase letters and digits, in words joined by single '-'. */
    public static final String SLUG = "[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,119}";

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> variables;
    /** The text around the variables: one more than there are variables. */
    private final List<String> literals;

    private ResourceName(String template, Pattern pattern, List<String> variables, List<String> literals) {
        this.template = template;
        this.pattern = pattern;
        this.variables = variables;
        this.literals = literals;
    }

    /** The pattern {@code template}, whose n-th variable matches {@code variableRegexes[n]}. */
    public static ResourceName of(String template, String... variableRegexes) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder regex = new StringBuilder();
        List<String> variables = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        int literalStart = 0;
        while (m.find()) {
            if (variables.size() == variableRegexes.length) {
                throw new IllegalArgumentException(template + " has more variables than regular expressions");
            }
            literals.add(template.substring(literalStart, m.start()));
            regex.append(Pattern.quote(literals.get(literals.size() - 1)))
                    .append('(')
                    .append(variableRegexes[variables.size()])
                    .append(')');
            variables.add(m.group(1));
            literalStart = m.end();
        }
        if (variables.size() != variableRegexes.length) {
            throw new IllegalArgumentException(template + " has fewer variables than regular expressions");
        }
        literals.add(template.substring(literalStart));
        regex.append(Pattern.quote(literals.get(literals.size() - 1)));
        return new ResourceName(
                template, Pattern.compile(regex.toString()), List.copyOf(variables), List.copyOf(literals));
    }

    /** The parts of {@code name}, or INVALID_ARGUMENT on {@code field} when it is missing or does not match. */
    public Parts parse(String name, String field) {
        Matcher m = pattern.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw ApiException.invalid(
                    field,
                    name == null || name.isEmpty() ? "is required, as " + template : "must look like " + template);
        }
        String[] values = new String[variables.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.group(i + 1);
        }
        return new Parts(this, field, values);
    }

    public boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    /** The name with the variables replaced by {@code values}, in order. */
    public String format(Object... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException(template + " takes " + variables.size() + " values");
        }
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < values.length; i++) {
            out.append(values[i]).append(literals.get(i + 1));
        }
        return out.toString();
    }

    /** The pattern as clients see it in error messages, such as {@code users/{handle}/plans/{plan}}. */
    public String template() {
        return template;
    }

    /** The variables of a parsed name. */
    public static final class Parts {

        private final ResourceName pattern;
        private final String field;
        private final String[] values;

        private Parts(ResourceName pattern, String field, String[] values) {
            this.pattern = pattern;
            this.field = field;
            this.values = values;
        }

        public String get(String variable) {
            int i = pattern.variables.indexOf(variable);
            if (i < 0) {
                throw new IllegalArgumentException(pattern.template + " has no variable " + variable);
            }
            return values[i];
        }

        /** The variable as a {@code long}; INVALID_ARGUMENT when it does not fit one. */
        public long id(String variable) {
            try {
                return Long.parseLong(get(variable));
            } catch (NumberFormatException e) {
                throw ApiException.invalid(field, "has an id out of range");
            }
        }
    }
}
