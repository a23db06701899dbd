package dev.ascent.common.grpc;

import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves TLS only, with the PEM certificate chain and PKCS#8 key of {@code ASCENT_TLS_CERT_FILE} and
 * {@code ASCENT_TLS_KEY_FILE} (read and checked at start-up by {@code ServiceSettings}); a plain-text client then
 * fails its handshake.
 */
@Singleton
@Requires(property = "ascent.tls.cert-file")
public class TlsServer implements BeanCreatedEventListener<ServerBuilder<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TlsServer.class);
    private final File certificate;
    private final File privateKey;

    public TlsServer(
            @Value("${ascent.tls.cert-file}") String certificate, @Value("${ascent.tls.key-file}") String privateKey) {
        this.certificate = new File(certificate);
        this.privateKey = new File(privateKey);
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        LOG.info("serving TLS with the certificate in {}", certificate);
        return event.getBean().useTransportSecurity(certificate, privateKey);
    }
}
