package dev.odoobridge.sync;

import java.util.List;
import java.util.Objects;

/**
 * A model whose documents show values of another model's records without their own
 * {@code write_date} moving when those values change: applying records of {@code parentModel}
 * makes the sync re-read the {@code childModel} records whose {@code linkField} points at them
 * (archived ones included) and apply them too. The typical case is Odoo's {@code _inherits}
 * delegation: {@code product.product} reads {@code name}, {@code list_price}, {@code categ_id}
 * and more from its {@code product.template}, {@code res.users} its {@code name} and
 * {@code email} from its {@code res.partner}. A refresh goes one level deep (children of the
 * re-read children are not refreshed).
 *
 * @param parentModel the model whose changes must reach the children, e.g. {@code product.template}
 * @param childModel the model re-read, e.g. {@code product.product}
 * @param linkField the many2one on the child pointing at the parent, e.g. {@code product_tmpl_id}
 */
public record Dependent(String parentModel, String childModel, String linkField) {
    public Dependent {
        Objects.requireNonNull(parentModel, "parentModel == null");
        Objects.requireNonNull(childModel, "childModel == null");
        Objects.requireNonNull(linkField, "linkField == null");
        if (parentModel.isBlank() || childModel.isBlank() || linkField.isBlank()) {
            throw new IllegalArgumentException("a dependent needs a parent model, a child model and a link field, got "
                    + parentModel + " -> " + childModel + " via '" + linkField + "'");
        }
    }

    /**
     * The dependents of the built-in retail models: product variants on their template
     * ({@code _inherits}), users on their partner ({@code _inherits}) and contacts on their
     * company partner (a contact's {@code display_name} shows the company's name). A dependent
     * only acts when both models are synced.
     */
    public static List<Dependent> retail() {
        return List.of(new Dependent("product.template", "product.product", "product_tmpl_id"),
                new Dependent("res.partner", "res.users", "partner_id"),
                new Dependent("res.partner", "res.partner", "parent_id"));
    }
}
