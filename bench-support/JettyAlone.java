import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The load tests' yardstick: the Jetty inside the application's jar, alone, answering every request with bytes
 * recorded from the application's own answers (same status, headers and body), after reading the request body.
 * No servlet layer, no Javalin, no JSON, no model: what wrk measures against it is what this machine and Jetty
 * allow, so the application's figure divided by it is the share its own request path leaves.
 *
 * <p>Threads as the application has them (Javalin's defaults: a pool of 8 to 250, one acceptor, Jetty's
 * selectors), and a handler that may block, as a servlet may.
 *
 * <p>Benchmark-only: compiled and run by ./bench against the executable jar.
 * Usage: java -cp campaign-rl.jar:CLASSES JettyAlone PORT POST_BODY_FILE GET_BODY_FILE HEADERS_FILE
 * where HEADERS_FILE holds "Name: value" lines (the application's answer headers, Date and Content-Length aside).
 */
public final class JettyAlone {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] postBody = Files.readAllBytes(Path.of(args[1]));
        byte[] getBody = Files.readAllBytes(Path.of(args[2]));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[3]), StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }

        QueuedThreadPool threads = new QueuedThreadPool(250, 8, 60_000);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byte[] body = "POST".equals(request.getMethod()) ? postBody : getBody;
                Content.Source.consumeAll(request, Callback.from(() -> {
                    headers.forEach(response.getHeaders()::put);
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                    response.write(true, ByteBuffer.wrap(body), callback);
                }, callback::failed));
                return true;
            }
        });
        server.start();
        System.out.println("listening on " + port);
        server.join();
    }
}
