package dev.odoobridge.feed.internal;

import java.util.Collection;
import java.util.Map;

/** Looks up which records a device created: Odoo id → the device's id, per source and model. */
interface ClientIds {
    /** The device ids of those of the Odoo ids that a device pushed; others are absent. */
    Map<Long, String> clientIds(String source, String model, Collection<Long> odooIds);

    /** The Odoo ids of the device ids that were written; others are absent. */
    Map<String, Long> odooIds(String source, String model, Collection<String> clientIds);

    /** No device ever pushed. */
    ClientIds NONE = new ClientIds() {
        @Override
        public Map<Long, String> clientIds(String source, String model, Collection<Long> odooIds) {
            return Map.of();
        }

        @Override
        public Map<String, Long> odooIds(String source, String model, Collection<String> clientIds) {
            return Map.of();
        }
    };
}
