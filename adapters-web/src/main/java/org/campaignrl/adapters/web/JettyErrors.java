package org.campaignrl.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes before a request reaches Javalin (a request target it refuses: {@code %00}, a bad
 * percent escape, an ambiguous path segment, a header too large), in the one {@link ApiError} shape rather than
 * Jetty's HTML page, with the {@link SecurityHeaders}.
 */
final class JettyErrors extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyErrors() {}

    static void register(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int code = response.getStatus() >= 400 ? response.getStatus() : 500;
        if (request.getAttribute(ERROR_STATUS) instanceof Integer status) {
            code = status;
        }
        HttpStatus status = HttpStatus.forStatus(code);
        String reason = status == HttpStatus.UNKNOWN ? "Error" : status.getMessage();
        String message = code >= 500
                ? "internal error; the server log has the details"
                : "the request was refused: "
                        + (request.getAttribute(ERROR_MESSAGE) instanceof String text ? text : reason);
        byte[] body = JSON.writeValueAsBytes(new ApiError(code, reason, null, message));
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        SecurityHeaders.apply(
                request.getHttpURI() == null ? null : request.getHttpURI().getPath(),
                (name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
