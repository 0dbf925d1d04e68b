package dev.odoobridge.client.value;

/**
 * A many2one value: Odoo's {@code [id, "display name"]}.
 *
 * @param id the referenced record's id (positive)
 * @param name its display name (may be null when only the id is known)
 */
public record Ref(long id, String name) {
    public Ref {
        if (id <= 0) {
            throw new IllegalArgumentException("Ref id must be positive, was " + id);
        }
    }

    /** A reference by id only. */
    public static Ref of(long id) {
        return new Ref(id, null);
    }
}
