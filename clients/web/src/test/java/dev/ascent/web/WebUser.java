package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser as the web app sees it over HTTP: the session cookie, the CSRF token of the last page, forms posted
 * url-encoded, redirects not followed (tests look at them). No JavaScript; htmx requests are made by setting the
 * header htmx sets.
 */
public final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final String base;
    private final String handle;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String cookie;
    private String csrf = "";

    WebUser(String base, String handle) {
        this.base = base;
        this.handle = handle;
    }

    /** A page as it came back. */
    public record Page(int status, HttpHeaders headers, String body) {
        public String location() {
            return headers.firstValue("Location").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The first match of {@code regex}'s group 1 in the body. */
        public String find(String regex) {
            Matcher m = Pattern.compile(regex).matcher(body);
            if (!m.find()) {
                throw new AssertionError("no match for " + regex + " in:\n" + body);
            }
            return m.group(1);
        }

        public List<String> findAll(String regex) {
            Matcher m = Pattern.compile(regex).matcher(body);
            List<String> out = new java.util.ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
    }

    public String handle() {
        return handle;
    }

    public String cookie() {
        return cookie;
    }

    public void cookie(String value) {
        this.cookie = value;
    }

    public String csrf() {
        return csrf;
    }

    public Page get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** GET that must answer 200. */
    public Page page(String path) throws IOException, InterruptedException {
        Page p = get(path);
        assertEquals(200, p.status(), () -> path + " answered " + p.status() + ": " + p.body());
        return p;
    }

    /** Posts a form with the current CSRF token added (unless the fields already name one). */
    public Page post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postRaw(path, withCsrf(fields), false);
    }

    /** Posts as htmx does: with the HX-Request header. */
    public Page postHtmx(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postRaw(path, withCsrf(fields), true);
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public Page postRaw(String path, Map<String, String> fields, boolean htmx)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (htmx) {
            r.header("HX-Request", "true");
        }
        return send(r.build());
    }

    public Page postMultipart(
            String path, Map<String, String> fields, String fileField, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----ascent" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        for (var e : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                            + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    public void signIn(String token) throws IOException, InterruptedException {
        page("/sign-in");
        Page p = post("/sign-in", Map.of("token", token, "next", "/"));
        assertEquals(303, p.status(), p::body);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", "ascent_session=" + cookie);
        }
        return b;
    }

    public HttpClient http() {
        return http;
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith("ascent_session=")) {
                String value = c.substring("ascent_session=".length(), c.indexOf(';'));
                cookie = value.isEmpty() || c.contains("Max-Age=0") ? null : value;
            }
        }
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return new Page(r.statusCode(), r.headers(), r.body());
    }

    private Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        return all;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
