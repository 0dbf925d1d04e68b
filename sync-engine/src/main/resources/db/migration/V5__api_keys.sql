-- API keys of the apps that read the read model (read API, offline-sync feed): only a SHA-256 hash of the
-- secret is stored; the key is found by its public id, the secret compared in constant time.

CREATE TABLE api_keys (
    id                text        PRIMARY KEY,
    secret_hash       bytea       NOT NULL,
    source            text        NOT NULL,
    vendor_partner_id bigint,
    resources         text[]      NOT NULL DEFAULT '{}',
    cors_origins      text[]      NOT NULL DEFAULT '{}',
    label             text,
    created_at        timestamptz NOT NULL,
    revoked_at        timestamptz,
    last_used_at      timestamptz
);
CREATE INDEX api_keys_source ON api_keys (source, created_at);
