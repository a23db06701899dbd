package dev.ascent.common.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import javax.net.ssl.SSLException;

/**
 * Channels from one service to the other: TLS when the service serves TLS itself, trusting
 * {@code ascent.tls.ca-file} ({@code ASCENT_TLS_CA_FILE}) or, without one, the service's own certificate (both
 * services then share one self-signed certificate or certificates of one CA); plain text otherwise.
 */
public final class Tls {

    private Tls() {}

    /** A channel to {@code target}, trusting {@code caFile} over TLS, or plain text when it is empty. */
    public static ManagedChannel channel(String target, String caFile) {
        if (caFile == null || caFile.isBlank()) {
            return ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        }
        try {
            return NettyChannelBuilder.forTarget(target)
                    .useTransportSecurity()
                    .sslContext(GrpcSslContexts.forClient()
                            .trustManager(new File(caFile))
                            .build())
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot trust the certificates in " + caFile + ": " + e.getMessage(), e);
        }
    }
}
