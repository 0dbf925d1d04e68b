-- Offline-sync pushes: which Odoo record each device-created record became. The row is written (odoo_id null)
-- before the Odoo create, which carries the device id in a marker field; a retry that finds a row without odoo_id
-- searches Odoo for the marker before creating again, so a crash between the create and this row's completion
-- never duplicates a record.
CREATE TABLE feed_push_ids (
    source     text        NOT NULL,
    model      text        NOT NULL,
    client_id  text        NOT NULL,
    odoo_id    bigint,
    created_at timestamptz NOT NULL,
    written_at timestamptz,
    PRIMARY KEY (source, model, client_id)
);
CREATE UNIQUE INDEX feed_push_ids_odoo ON feed_push_ids (source, model, odoo_id) WHERE odoo_id IS NOT NULL;
