-- Vendor linking: one-time code challenges (keyed hashes only), confirmed links and the audit trail.

CREATE TABLE vendor_challenges (
    id         text        PRIMARY KEY,
    vendor     text        NOT NULL,
    source     text        NOT NULL,
    partner_id bigint      NOT NULL,
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0,
    used_at    timestamptz
);
CREATE INDEX vendor_challenges_vendor ON vendor_challenges (vendor, created_at DESC);
CREATE INDEX vendor_challenges_partner ON vendor_challenges (source, partner_id, created_at DESC);

CREATE TABLE vendor_links (
    vendor     text        NOT NULL,
    source     text        NOT NULL,
    partner_id bigint      NOT NULL,
    linked_at  timestamptz NOT NULL,
    linked_by  text,
    PRIMARY KEY (vendor, source, partner_id)
);

CREATE TABLE vendor_audit (
    id         bigserial   PRIMARY KEY,
    vendor     text        NOT NULL,
    source     text,
    partner_id bigint,
    event      text        NOT NULL,
    detail     text,
    at         timestamptz NOT NULL
);
CREATE INDEX vendor_audit_vendor ON vendor_audit (vendor, at);
