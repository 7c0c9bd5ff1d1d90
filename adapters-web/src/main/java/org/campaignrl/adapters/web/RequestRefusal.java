package org.campaignrl.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * The client's mistakes in a request's headers or framing, answered 4xx in the {@link ApiError} shape on every
 * route, and never logged as our fault (a stack trace per request would let any client fill the log).
 *
 * <p>A charset in {@code Content-Type} that Java does not know ({@code bogus}, {@code "a b"}, an empty one) is
 * refused before any handler reads the body, since Javalin decodes a form or JSON body with it and throws. A
 * body that ends early (a truncated chunked body, fewer bytes than {@code Content-Length}) surfaces as Jetty's
 * {@link HttpException} or {@link EofException} wherever the body is read, and is mapped here.
 */
final class RequestRefusal {
    private RequestRefusal() {}

    /**
     * How much of a declared body over {@link WebServer#MAX_BODY_BYTES} is read and dropped before its 413: a
     * client that writes its whole body before reading (most do, without {@code Expect: 100-continue}) then gets
     * the answer, where a server that answers and closes with the body unread resets the connection and the
     * answer is lost with it. Beyond this the answer goes out at once and the connection is closed.
     */
    static final long OVERSIZED_BODY_READ_BYTES = 16L * 1024 * 1024;

    static void register(JavalinConfig config) {
        config.routes.before(RequestRefusal::refuseUnknownCharset);
        config.routes.before(RequestRefusal::refuseOversizedBody);
    }

    private static void refuseOversizedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared <= WebServer.MAX_BODY_BYTES || ctx.isMultipart()) {
            return; // uploads have their own limit; a chunked body is measured as it is read
        }
        if (declared <= OVERSIZED_BODY_READ_BYTES) {
            try {
                ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // the client went away or cut its body: the answer below is all there is to say
            }
        }
        WebServer.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "body", WebServer.BODY_TOO_LARGE);
        ctx.skipRemainingHandlers();
    }

    private static void refuseUnknownCharset(Context ctx) {
        String charset;
        try {
            charset = ctx.characterEncoding();
        } catch (RuntimeException e) { // Javalin's parsing of the header fails on some ("; charset" without '=')
            refuse(
                    ctx,
                    "a malformed charset parameter in Content-Type '" + printable(ctx.contentType())
                            + "': give a charset such as UTF-8, or none");
            return;
        }
        if (charset != null && !isKnown(charset)) {
            refuse(
                    ctx,
                    "unknown charset '" + printable(charset) + "' in Content-Type: give a charset such as UTF-8, "
                            + "or none");
        }
    }

    private static void refuse(Context ctx, String message) {
        WebServer.error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", message);
        ctx.skipRemainingHandlers();
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) { // an illegal name, blank included
            return false;
        }
    }

    /**
     * What a failure while reading a request tells the client, when it was the client's doing; else empty
     * (then it is ours, a 500 with the details in the log).
     */
    static Optional<MultipartRefusal.Refusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                HttpStatus status = HttpStatus.forStatus(http.getCode());
                return Optional.of(new MultipartRefusal.Refusal(
                        status == HttpStatus.UNKNOWN ? HttpStatus.BAD_REQUEST : status,
                        "the request is malformed: " + describe(cause)));
            }
            if (cause instanceof EofException) {
                return Optional.of(new MultipartRefusal.Refusal(
                        HttpStatus.BAD_REQUEST,
                        "the request body ended "
                                + "early (a truncated chunked body, or fewer bytes than its Content-Length)"));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : printable(message);
    }

    /** The text with control characters shown as escapes, and cut short: it goes back to the client as it came. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 100 ? out.append('…').toString() : out.toString();
    }
}
