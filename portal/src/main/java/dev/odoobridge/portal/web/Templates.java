package dev.odoobridge.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/**
 * The portal's jte templates, compiled to classes at build time (package {@code dev.odoobridge.portal.templates}).
 * Output is HTML-escaped by context; a page is rendered into a byte buffer and sent whole, so a failing template
 * never leaves half a page on the wire.
 */
public final class Templates {
    private static final String PACKAGE = "dev.odoobridge.portal.templates";

    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The precompiled templates on the class path. */
    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE));
    }

    /**
     * Renders a template with named parameters.
     *
     * @param name template file under {@code src/main/jte}, e.g. {@code "dashboard.jte"}
     * @param params the template's {@code @param}s by name
     * @return UTF-8 bytes of the page
     */
    public byte[] render(String name, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(name, params, out);
        return out.toByteArray();
    }
}
