package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code GET /static/{name}}: the portal's stylesheet and other assets shipped in the jar (folder
 * {@code dev/odoobridge/portal/static}), public, cacheable for {@value #MAX_AGE_SECONDS} s with an ETag. A name is one
 * plain file name with a known extension; anything else (paths, traversal, unknown files) is a 404.
 */
public final class StaticAssets implements PageModule {
    /** How long browsers may keep an asset without asking again. */
    public static final int MAX_AGE_SECONDS = 3600;
    private static final String FOLDER = "/dev/odoobridge/portal/static/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,60}\\.(css|svg|png|ico|txt|woff2)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    @Override
    public void register(Router router) {
        router.add("GET", "/static/{name}", Router.Access.PUBLIC, this::serve);
    }

    private void serve(Exchange exchange) {
        String name = exchange.pathParam("name");
        if (!NAME.matcher(name).matches()) {
            throw PortalException.notFound();
        }
        Asset asset = cache.get(name);
        if (asset == null) {
            // only files that exist are kept, so unknown names cannot grow the cache
            asset = load(name).orElseThrow(PortalException::notFound);
            cache.putIfAbsent(name, asset);
        }
        var headers = exchange.response().getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, "public, max-age=" + MAX_AGE_SECONDS);
        headers.put(HttpHeader.ETAG, asset.etag());
        String ifNoneMatch = exchange.request().getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.equals(asset.etag()) || ifNoneMatch.contains(asset.etag()))) {
            exchange.send(304, null, new byte[0]);
            return;
        }
        exchange.send(200, asset.contentType(), asset.body());
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(TYPES.get(ext), body, etag(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read portal asset " + name, e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Asset(String contentType, byte[] body, String etag) {
    }
}
