package dev.odoobridge.sync.schema;

import java.util.Objects;

/**
 * Whether a {@link Feature} is on for one source, and why not.
 *
 * @param feature the feature
 * @param on true when the server has every field it needs and its model is synced
 * @param reason why it is off (what to do), or null when on
 */
public record FeatureState(Feature feature, boolean on, String reason) {
    public FeatureState {
        Objects.requireNonNull(feature, "feature == null");
        if (!on) {
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** One line for people, e.g. "near-expiry alerts: off — install product_expiry". */
    public String describe() {
        return feature.label() + ": " + (on ? "on" : "off — " + reason);
    }
}
