package org.campaignrl.adapters.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.ResourceHandler;
import io.javalin.http.staticfiles.StaticFileConfig;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Serves the folders given to {@code config.staticFiles.add(...)} from the classpath, each file read once, with
 * {@code getResourceAsStream}, on its first request, and kept. Javalin's own handler mounts the jar the files are
 * in as a zip file system when the server is built: for the 41 MB executable jar, seconds of every start
 * (docs/performance.md). The answers are the ones that handler gave: the type by file extension, the folder's
 * headers ({@code Cache-Control: max-age=0} unless set), a weak ETag, 304 when {@code If-None-Match} has it,
 * compressed as any other answer. A folder's subfolders are not listed, and nothing outside it is reachable: every
 * part of the path must be a plain name (no "..", no leading dot, no escapes) and the file must have a known type.
 *
 * <p>In use once set with {@code config.resourceHandler(new ClasspathAssets())} before the folders are added.
 */
final class ClasspathAssets implements ResourceHandler {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript"),
            Map.entry("css", "text/css"),
            Map.entry("html", "text/html"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** A classpath folder served under a path. */
    private record Folder(String hostedPath, String directory, Map<String, String> headers) {
        /** The path below the hosted one, without a leading "/", or empty when the path is not under it. */
        Optional<String> relative(String path) {
            if (hostedPath.isEmpty()) {
                return Optional.of(path.substring(1));
            }
            return path.startsWith(hostedPath + "/")
                    ? Optional.of(path.substring(hostedPath.length() + 1))
                    : Optional.empty();
        }
    }

    /** A file's bytes and what is sent with them. */
    private record Asset(byte[] bytes, String contentType, String etag, Map<String, String> headers) {}

    private final List<Folder> folders = new CopyOnWriteArrayList<>();
    /** By request path; only files that exist, so the map is bounded by the folders' files. */
    private final ConcurrentMap<String, Asset> assets = new ConcurrentHashMap<>();

    @Override
    public boolean addStaticFileConfig(StaticFileConfig config) {
        if (config.location != Location.CLASSPATH) {
            throw new IllegalArgumentException(
                    "only classpath folders are served, not " + config.location + " " + config.directory);
        }
        folders.add(new Folder(
                withoutTrailingSlash(config.hostedPath),
                withoutTrailingSlash(config.directory),
                Map.copyOf(config.headers)));
        return true;
    }

    @Override
    public boolean canHandle(Context ctx) {
        return find(ctx.path()).isPresent();
    }

    @Override
    public boolean handle(Context ctx) {
        Optional<Asset> found = find(ctx.path());
        if (found.isEmpty()) {
            return false;
        }
        Asset asset = found.get();
        asset.headers().forEach(ctx::header);
        ctx.header("ETag", asset.etag());
        ctx.contentType(asset.contentType());
        if (matches(ctx.header("If-None-Match"), asset.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
        } else {
            ctx.result(asset.bytes());
        }
        return true;
    }

    @Override
    public Set<RouteRole> resourceRouteRoles(Context ctx) {
        return Set.of();
    }

    private Optional<Asset> find(String path) {
        Asset known = assets.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        for (Folder folder : folders) {
            Optional<String> relative = folder.relative(path).filter(ClasspathAssets::isPlainFilePath);
            if (relative.isPresent()) {
                Optional<Asset> read = read(folder, relative.get());
                if (read.isPresent()) {
                    return Optional.of(assets.computeIfAbsent(path, p -> read.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Asset> read(Folder folder, String relative) {
        try (InputStream in = ClasspathAssets.class.getResourceAsStream(folder.directory() + "/" + relative)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, TYPES.get(extension(relative)), etag(bytes), folder.headers()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.directory() + "/" + relative, e);
        }
    }

    /** Plain names separated by "/", the last one with a type this handler knows. */
    private static boolean isPlainFilePath(String relative) {
        String[] names = relative.split("/", -1);
        return Arrays.stream(names).allMatch(name -> PLAIN_NAME.matcher(name).matches())
                && TYPES.containsKey(extension(names[names.length - 1]));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Weak, as Javalin's was: the bytes sent may be compressed. */
    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether an {@code If-None-Match} list names this tag (compared weakly, as RFC 9110 says for it) or is "*". */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = withoutWeakPrefix(etag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || withoutWeakPrefix(tag).equals(opaque));
    }

    private static String withoutWeakPrefix(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
