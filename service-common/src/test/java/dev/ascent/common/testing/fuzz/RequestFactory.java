package dev.ascent.common.testing.fuzz;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a request message of any type from its descriptor alone, so a new RPC or field is fuzzed without anyone
 * writing code for it: each field is left unset or given a value from {@link FuzzValues}, nested messages to a
 * bounded depth, repeated fields with none, a few, just too many or a huge number of elements, enums with known and
 * unknown numbers, and field masks naming real, nested and made-up paths.
 */
final class RequestFactory {

    private static final int MAX_DEPTH = 4;

    private final FuzzValues values;
    private final List<String> fieldNames;

    RequestFactory(FuzzValues values, Descriptor root) {
        this.values = values;
        Set<String> names = new TreeSet<>();
        collectNames(root, "", names, 0);
        this.fieldNames = new ArrayList<>(names);
    }

    DynamicMessage build(Descriptor type) {
        return message(type, 0);
    }

    private DynamicMessage message(Descriptor type, int depth) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        if (type.getFullName().equals("google.protobuf.FieldMask")) {
            int n = values.count();
            for (int i = 0; i < Math.min(n, 50); i++) {
                b.addRepeatedField(type.findFieldByName("paths"), maskPath());
            }
            return b.build();
        }
        for (FieldDescriptor f : type.getFields()) {
            if (values.chance(values.gentle() ? 10 : 25) == 1) {
                continue;
            }
            boolean harsh = !values.gentle() || values.chance(5) == 1;
            if (!harsh && f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                for (int i = f.isRepeated() ? values.random().nextInt(3) : 1; i > 0; i--) {
                    if (f.isRepeated()) {
                        b.addRepeatedField(f, values.plausible(f));
                    } else {
                        b.setField(f, values.plausible(f));
                    }
                }
                continue;
            }
            if (f.isRepeated()) {
                int n = harsh ? values.count() : values.random().nextInt(3);
                if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && (depth >= MAX_DEPTH || !values.rich())) {
                    n = Math.min(n, depth >= MAX_DEPTH ? 0 : 3);
                }
                for (int i = 0; i < n; i++) {
                    Object v = value(f, depth, n > 100);
                    if (v != null) {
                        b.addRepeatedField(f, v);
                    }
                }
            } else {
                Object v = value(f, depth, false);
                if (v != null) {
                    b.setField(f, v);
                }
            }
        }
        return b.build();
    }

    /** One value for {@code f}; {@code cheap} keeps elements of a huge repeated field small. */
    private Object value(FieldDescriptor f, int depth, boolean cheap) {
        return switch (f.getJavaType()) {
            case INT -> values.int32();
            case LONG -> values.int64();
            case FLOAT -> (float) values.real();
            case DOUBLE -> values.real();
            case BOOLEAN -> values.random().nextBoolean();
            case STRING -> cheap ? Integer.toString(values.random().nextInt(1000)) : values.string(f);
            case BYTE_STRING -> values.bytes();
            case ENUM -> enumValue(f.getEnumType());
            case MESSAGE -> depth >= MAX_DEPTH ? null : message(f.getMessageType(), depth + 1);
        };
    }

    private EnumValueDescriptor enumValue(EnumDescriptor type) {
        if (values.chance(25) == 1) {
            int[] unknown = {
                -1,
                99,
                1000,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                type.getValues().size()
            };
            return type.findValueByNumberCreatingIfUnknown(
                    unknown[values.random().nextInt(unknown.length)]);
        }
        return type.getValues().get(values.random().nextInt(type.getValues().size()));
    }

    private String maskPath() {
        return switch (values.random().nextInt(6)) {
            case 0 -> "";
            case 1 -> "*";
            case 2 -> "no_such_field";
            default ->
                fieldNames.isEmpty() ? "name" : fieldNames.get(values.random().nextInt(fieldNames.size()));
        };
    }

    /** Every field path of the request's messages, so a mask names real fields (and nested ones) too. */
    private static void collectNames(Descriptor type, String prefix, Set<String> out, int depth) {
        if (depth > 3) {
            return;
        }
        for (FieldDescriptor f : type.getFields()) {
            out.add(prefix + f.getName());
            out.add(f.getName());
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isRepeated()) {
                collectNames(f.getMessageType(), prefix + f.getName() + ".", out, depth + 1);
            }
        }
    }
}
