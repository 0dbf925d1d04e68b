package dev.odoobridge.client.typed;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The ORM methods of a model returning typed records. Get one with
 * {@code client.model(ProductProduct.MODEL)}; {@link #raw()} gives the untyped handle.
 *
 * @param <T> the record type
 */
public final class TypedModelHandle<T> {
    private final ModelHandle raw;
    private final OdooModel<T> model;

    /** Wraps an untyped handle of the same model. */
    public TypedModelHandle(ModelHandle raw, OdooModel<T> model) {
        this.raw = Objects.requireNonNull(raw, "raw == null");
        this.model = Objects.requireNonNull(model, "model == null");
        if (!raw.name().equals(model.name())) {
            throw new IllegalArgumentException("handle of " + raw.name() + " cannot read " + model.name());
        }
    }

    /** The untyped handle. */
    public ModelHandle raw() {
        return raw;
    }

    /** Matching records with every field of the model. */
    public List<T> searchRead(Domain domain, SearchOptions options) {
        return map(raw.searchRead(domain, model.fields(), options));
    }

    /** Matching records in Odoo's default order. */
    public List<T> searchRead(Domain domain) {
        return searchRead(domain, SearchOptions.DEFAULT);
    }

    /** Records by id (missing ids are absent). */
    public List<T> read(Collection<Long> ids) {
        return map(raw.read(ids, model.fields()));
    }

    /** Streams matching records by id keyset. */
    public Stream<T> stream(Domain domain, int pageSize) {
        return raw.stream(domain, model.fields(), pageSize).map(model.reader());
    }

    /** Creates a record from the writable fields of {@code record}; returns the new id. */
    public long create(T record) {
        return raw.create(model.writer().apply(record));
    }

    /** Writes the writable, set fields of {@code record} to the given ids. */
    public boolean write(Collection<Long> ids, T record) {
        return raw.write(ids, model.writer().apply(record));
    }

    private List<T> map(List<dev.odoobridge.client.OdooRecord> rows) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(model.reader().apply(r)));
        return out;
    }
}
