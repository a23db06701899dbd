package dev.ascent.common.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made in the test with the JDK's keytool
 * (no library, nothing checked in) and written as the PEM files the services read: the certificate, which clients
 * also trust as the CA, and the PKCS#8 private key.
 */
public record TestCertificates(Path certificate, Path privateKey) {

    public static TestCertificates selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("test.p12");
        String password = "test-store-" + System.nanoTime();
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "ascent",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) keys.getKey("ascent", password.toCharArray());
        Certificate cert = keys.getCertificate("ascent");
        Path certificate = dir.resolve("cert.pem");
        Path privateKey = dir.resolve("key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
        // getEncoded() of an RSA private key is PKCS#8, the form Netty reads.
        Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded()));
        return new TestCertificates(certificate, privateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
