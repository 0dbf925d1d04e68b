package dev.odoobridge.portal.web;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request to the portal and its response: path parameters, query and form fields (bounded), the signed-in
 * vendor, and the ways to answer (a rendered page, a redirect, a download). A route answers exactly once.
 */
public final class Exchange {
    /** Most form fields a portal form posts (the restock form has one per product line). */
    public static final int MAX_FORM_FIELDS = 2_000;
    /** Largest form body accepted, in bytes. */
    public static final int MAX_FORM_BYTES = 256 * 1024;
    /** Longest single field value accepted from a query or form. */
    public static final int MAX_FIELD_CHARS = 2_000;
    /** Most bytes of a refused body read and dropped before the error page is sent. */
    static final long MAX_DRAIN_BYTES = 4L * 1024 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Templates templates;
    private final String base;
    private final String path;
    private final Map<String, String> params;
    private final SignedIn signedIn;
    private Fields query;
    private Fields form;
    private boolean answered;

    /**
     * @param request Jetty's request
     * @param response Jetty's response
     * @param callback completed by the answer
     * @param templates the page templates
     * @param params the matched route's path parameters (raw segments)
     * @param signedIn the vendor, or null when not signed in
     */
    public Exchange(Request request, Response response, Callback callback, Templates templates, Map<String, String> params,
                    SignedIn signedIn) {
        this.request = Objects.requireNonNull(request, "request == null");
        this.response = Objects.requireNonNull(response, "response == null");
        this.callback = Objects.requireNonNull(callback, "callback == null");
        this.templates = Objects.requireNonNull(templates, "templates == null");
        this.params = Map.copyOf(params);
        this.signedIn = signedIn;
        String context = Request.getContextPath(request);
        this.base = context == null || context.equals("/") ? "" : context;
        this.path = Request.getPathInContext(request);
    }

    /** Jetty's request (headers, cookies). */
    public Request request() {
        return request;
    }

    /** Jetty's response (headers, cookies). */
    public Response response() {
        return response;
    }

    /** Where the portal is mounted, without a trailing slash ({@code ""} at the root). */
    public String base() {
        return base;
    }

    /** The path inside the portal, e.g. {@code /dashboard}. */
    public String path() {
        return path;
    }

    /** The signed-in vendor; routes for signed-in vendors only ever see a present value. */
    public Optional<SignedIn> signedIn() {
        return Optional.ofNullable(signedIn);
    }

    /** The signed-in vendor, or a 401 for the rare public route that needs one. */
    public SignedIn vendor() {
        if (signedIn == null) {
            throw new PortalException(401, "Sign in first.");
        }
        return signedIn;
    }

    /** A path parameter, URL-decoded; 400 when it is missing or too long. */
    public String pathParam(String name) {
        String raw = params.get(name);
        if (raw == null) {
            throw new IllegalStateException("route has no path parameter '" + name + "'");
        }
        String value;
        try {
            value = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PortalException.badRequest("The address is malformed.");
        }
        return checked(name, value);
    }

    /** A path parameter that must be a positive whole number (an id); 404 otherwise, as for an unknown id. */
    public long idParam(String name) {
        String v = pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw PortalException.notFound();
    }

    /** A query parameter (first value), if present and not blank. */
    public Optional<String> query(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                throw PortalException.badRequest("The address's query is malformed.");
            }
        }
        return value(query, name);
    }

    /** A form field (first value) of a url-encoded POST body, if present and not blank. */
    public Optional<String> form(String name) {
        return value(formFields(), name);
    }

    /** Every form field, for forms with one field per line (names chosen by the form). */
    public Fields formFields() {
        if (form == null) {
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new PortalException(415, "This form must be posted as application/x-www-form-urlencoded.");
            }
            long length = request.getLength();
            if (length > MAX_FORM_BYTES) {
                drain();
                throw new PortalException(413, "The form is too large.");
            }
            try {
                form = FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES);
            } catch (RuntimeException e) {
                drain();
                throw new PortalException(400, "The form could not be read (too large or malformed).");
            }
        }
        return form;
    }

    /** Renders a template into the page frame's content with status 200. */
    public void page(String template, Map<String, Object> params) {
        page(200, template, params);
    }

    /** Renders a template with a status. */
    public void page(int status, String template, Map<String, Object> params) {
        byte[] body = templates.render(template, params);
        send(status, "text/html; charset=utf-8", body);
    }

    /** The frame every page shows around its content. */
    public PageFrame frame(String title) {
        return new PageFrame(base, title, signedIn == null ? null : signedIn.vendor(), signedIn == null ? null : signedIn.csrf());
    }

    /** 303 See Other to a path inside the portal (after a POST, so a reload does not post again). */
    public void redirect(String portalPath) {
        if (!portalPath.startsWith("/") || portalPath.startsWith("//")) {
            throw new IllegalArgumentException("redirects stay inside the portal: " + portalPath);
        }
        response.getHeaders().put(HttpHeader.LOCATION, base + portalPath);
        send(303, null, new byte[0]);
    }

    /** Sends a body; {@code contentType} null for none. */
    public void send(int status, String contentType, byte[] body) {
        if (answered) {
            throw new IllegalStateException("this request was already answered");
        }
        answered = true;
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** A file download (Content-Disposition: attachment) with the given name. */
    public void download(String fileName, String contentType, byte[] body) {
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("unsafe download file name: " + fileName);
        }
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        send(200, contentType, body);
    }

    /** True once the route answered. */
    public boolean answered() {
        return answered;
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #MAX_DRAIN_BYTES}, so the client (still sending)
     * reads the error page instead of a reset connection; a larger body is left unread and the connection closes.
     */
    private void drain() {
        try {
            java.io.InputStream in = org.eclipse.jetty.io.Content.Source.asInputStream(request);
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0 && total <= MAX_DRAIN_BYTES; n = in.read(buffer)) {
                total += n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the client went away or the body is malformed: the error page is still attempted
        }
    }

    private static Optional<String> value(Fields fields, String name) {
        Fields.Field f = fields.get(name);
        if (f == null || f.getValue() == null || f.getValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(checked(name, f.getValue()));
    }

    private static String checked(String name, String value) {
        if (value.length() > MAX_FIELD_CHARS) {
            throw PortalException.badRequest("The field '" + name + "' is too long.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw PortalException.badRequest("The field '" + name + "' contains control characters.");
            }
        }
        return value;
    }
}
