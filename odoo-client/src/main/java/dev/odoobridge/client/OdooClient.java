package dev.odoobridge.client;

/**
 * A connection to one Odoo database as one user. Thread-safe; create one per (server, database,
 * user) and share it. Close it to release its HTTP resources.
 */
public interface OdooClient extends AutoCloseable {

    /** The server's version (no authentication needed). */
    ServerVersion version();

    /**
     * Authenticates (once; the uid is cached) and returns the user id.
     *
     * @throws dev.odoobridge.client.error.AccessDeniedException when the credentials are wrong
     */
    int authenticate();

    /** A handle on one model, e.g. {@code client.model("product.product")}. Cheap; no call is made. */
    ModelHandle model(String modelName);

    /**
     * A typed handle for a generated (or hand-written) model descriptor, e.g.
     * {@code client.model(ProductProduct.MODEL).searchRead(ProductProduct.ACTIVE.eq(true))}.
     */
    default <T> dev.odoobridge.client.typed.TypedModelHandle<T> model(dev.odoobridge.client.typed.OdooModel<T> model) {
        return new dev.odoobridge.client.typed.TypedModelHandle<>(model(model.name()), model);
    }

    /** The configuration this client was created with (the secret stays inside it). */
    OdooConfig config();

    /**
     * The transport this client speaks: the configured one, or for {@link Transport#AUTO} the one the
     * client chose (JSON-2 for an API key on Odoo 19 and later, else XML-RPC). The default answers the
     * configured transport.
     */
    default Transport transport() {
        return config().transport();
    }

    /** Releases HTTP resources. Never throws. */
    @Override
    void close();
}
