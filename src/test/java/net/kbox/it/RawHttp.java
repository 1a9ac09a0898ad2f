package net.kbox.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 as a crafted client sends it: any header (Origin, Sec-Fetch-Site, X-Forwarded-For), any
 * request line, from any local address (127.0.0.2 is a client that is not a trusted proxy). One request per
 * connection; redirects are not followed.
 */
final class RawHttp {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final String fromAddress;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private RawHttp(int port, String fromAddress) {
        this.port = port;
        this.fromAddress = fromAddress;
    }

    /** A client on the machine itself (127.0.0.1). */
    static RawHttp local(int port) {
        return new RawHttp(port, "127.0.0.1");
    }

    /** A client connecting from another loopback address, e.g. 127.0.0.2. */
    static RawHttp from(String address, int port) {
        return new RawHttp(port, address);
    }

    record Response(int status, Map<String, List<String>> headers, String body) {

        @Nullable String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The CSRF token Vaadin writes into its page for the login form. */
        String csrfToken() {
            var matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF token in the page:\n" + body);
            }
            return matcher.group(1);
        }
    }

    Response get(String target, String... headers) {
        return send("GET", target, null, headers);
    }

    /** A form post ({@code application/x-www-form-urlencoded}). */
    Response post(String target, String form, String... headers) {
        var all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: application/x-www-form-urlencoded");
        return send("POST", target, form, all.toArray(String[]::new));
    }

    /** Forgets the session cookie, as a new browser. */
    void forgetCookies() {
        cookies.clear();
    }

    boolean hasSession() {
        return cookies.containsKey("JSESSIONID");
    }

    Response send(String method, String target, @Nullable String body, String... headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            request.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList())).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        var body = new ByteArrayOutputStream();
        int position = 0;
        byte[] lineBreak = "\r\n".getBytes(StandardCharsets.US_ASCII);
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, lineBreak, position);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
