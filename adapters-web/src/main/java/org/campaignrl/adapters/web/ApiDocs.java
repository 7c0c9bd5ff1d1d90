package org.campaignrl.adapters.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API's documentation: the OpenAPI document ({@link Route#OPENAPI_DOCUMENT}), and a Swagger UI reading it
 * ({@link Route#API_DOCS}). The UI's code comes from the swagger-ui webjar on the classpath, served by this server
 * under {@code /api/docs/swagger-ui/}: no CDN, it works offline.
 */
final class ApiDocs {
    static final String UI_PATH = Route.API_DOCS.path();

    private static final String WEBJAR_FOLDER = "/META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>API · campaign-rl</title>
              <link rel="stylesheet" href="/api/docs/swagger-ui/swagger-ui.css">
              <script src="/api/docs/swagger-ui/swagger-ui-bundle.js" defer></script>
              <script src="/api/docs/setup/swagger-initializer.js" defer></script>
            </head>
            <body>
            <p style="font-family: sans-serif; margin: 1em 20px 0">
              <a href="/">← campaign-rl dashboard</a> · <a href="/api/openapi.json">openapi.json</a></p>
            <div id="swagger-ui"></div>
            </body>
            </html>
            """;

    private final ObjectMapper mapper;
    /** Built on first ask, once: it describes the code, which does not change while the server runs. */
    private volatile String document;

    ApiDocs(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Building the document is reflection enough to be felt (docs/performance.md): not on the way to serving, so
     * not at start.
     */
    private String document() {
        String built = document;
        if (built == null) {
            synchronized (this) {
                if (document == null) {
                    document = build(mapper);
                }
                built = document;
            }
        }
        return built;
    }

    private static String build(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(OpenApiDocument.build(mapper));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        }
    }

    void register(JavalinConfig config) {
        Route.OPENAPI_DOCUMENT.register(
                config.routes,
                ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(document()));
        Route.API_DOCS.register(config.routes, ctx -> ctx.html(PAGE));
        config.staticFiles.add(files -> {
            files.hostedPath = UI_PATH + "/swagger-ui";
            files.directory = WEBJAR_FOLDER + swaggerUiVersion();
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.add(files -> {
            files.hostedPath = UI_PATH + "/setup";
            files.directory = "/api-docs";
            files.location = Location.CLASSPATH;
        });
    }

    /** The webjar's files sit in a folder named after its version, which its pom.properties holds. */
    private static String swaggerUiVersion() {
        try (InputStream pom = ApiDocs.class.getResourceAsStream(WEBJAR_POM)) {
            if (pom == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath (" + WEBJAR_POM + ")");
            }
            Properties properties = new Properties();
            properties.load(pom);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
