package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.options.v1.AccessProto;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client's list of methods callable without credentials is the contract's, read from every descriptor. */
class CallDefaultsTest {

    @Test
    void theNoCredentialsListMatchesTheDescriptors() throws Exception {
        Set<String> marked = new HashSet<>();
        List<ServiceDescriptor> services = services();
        assertTrue(services.size() >= 10, "services found: " + services.size());
        for (ServiceDescriptor service : services) {
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                var options = ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor())
                        .getMethodDescriptor()
                        .getOptions();
                if (options.getExtension(AccessProto.noCredentials)) {
                    marked.add(method.getFullMethodName());
                }
                assertEquals(
                        !marked.contains(method.getFullMethodName()),
                        CallDefaults.needsCredentials(method),
                        method.getFullMethodName());
            }
        }
        assertEquals(marked, CallDefaults.NO_CREDENTIALS);
    }

    /** Every generated {@code *Grpc} class of the proto module, found in its jar (or classes folder). */
    private static List<ServiceDescriptor> services() throws Exception {
        URI location = ContentServiceGrpc.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI();
        Path where = Path.of(location);
        if (Files.isDirectory(where)) {
            return services(where);
        }
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location), Map.of())) {
            return services(jar.getPath("/"));
        }
    }

    private static List<ServiceDescriptor> services(Path root) throws Exception {
        List<ServiceDescriptor> out = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.getFileName() != null
                            && f.getFileName().toString().endsWith("Grpc.class"))
                    .toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                out.add((ServiceDescriptor)
                        Class.forName(name).getMethod("getServiceDescriptor").invoke(null));
            }
        }
        return out;
    }
}
