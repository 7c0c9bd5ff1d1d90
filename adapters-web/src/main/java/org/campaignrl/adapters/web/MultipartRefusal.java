package org.campaignrl.adapters.web;

import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Jetty's multipart parser refuses a body that is malformed or larger than the upload limit by throwing a
 * {@code ServletException} around a {@link BadMessageException}: the client's doing, so a 4xx, never a 500.
 * Only the message of the innermost {@code IllegalStateException} ("max length exceeded: N", "max file size
 * exceeded") tells a body too large from a malformed one.
 */
final class MultipartRefusal {
    private MultipartRefusal() {}

    record Refusal(HttpStatus status, String message) {}

    static Optional<Refusal> of(Throwable failure) {
        boolean badMessage = false;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            badMessage |= cause instanceof BadMessageException;
            if (cause instanceof IllegalStateException
                    && cause.getMessage() != null
                    && cause.getMessage().startsWith("max ")) {
                return Optional.of(new Refusal(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "the upload is larger than this server allows (" + cause.getMessage() + " bytes)"));
            }
        }
        return badMessage
                ? Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "the multipart body is malformed"))
                : Optional.empty();
    }
}
