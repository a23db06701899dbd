package dev.ascent.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import java.util.List;

/** Messages as protobuf's canonical JSON mapping (lowerCamelCase fields, enums by name); lists as a JSON array. */
final class Json {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();

    private Json() {}

    static void print(PrintWriter out, MessageOrBuilder message) {
        out.println(text(message));
        out.flush();
    }

    static void printList(PrintWriter out, List<? extends MessageOrBuilder> messages) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < messages.size(); i++) {
            s.append(i == 0 ? "\n" : ",\n")
                    .append(text(messages.get(i)).indent(2).stripTrailing());
        }
        out.println(s.append(messages.isEmpty() ? "]" : "\n]"));
        out.flush();
    }

    /** One object whose members are messages or lists of messages, for commands that show several things. */
    static void printObject(PrintWriter out, java.util.Map<String, Object> members) {
        StringBuilder s = new StringBuilder("{");
        int n = 0;
        for (var m : members.entrySet()) {
            s.append(n++ == 0 ? "\n  \"" : ",\n  \"").append(m.getKey()).append("\": ");
            if (m.getValue() instanceof List<?> list) {
                s.append('[');
                for (int i = 0; i < list.size(); i++) {
                    s.append(i == 0 ? "" : ", ").append(compact((MessageOrBuilder) list.get(i)));
                }
                s.append(']');
            } else {
                s.append(compact((MessageOrBuilder) m.getValue()));
            }
        }
        out.println(s.append("\n}"));
        out.flush();
    }

    /** One line, for streams (JSON Lines). */
    static String compact(MessageOrBuilder m) {
        try {
            return PRINTER.omittingInsignificantWhitespace().print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MessageOrBuilder m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
