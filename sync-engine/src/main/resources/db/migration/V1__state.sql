-- Sync state: checkpoints, run history, leases and the webhook inbox.

CREATE TABLE checkpoints (
    source     text        NOT NULL,
    model      text        NOT NULL,
    write_date timestamptz NOT NULL,
    last_id    bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (source, model)
);

CREATE TABLE sync_runs (
    id            bigserial   PRIMARY KEY,
    source        text        NOT NULL,
    model         text        NOT NULL,
    kind          text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    read_count    bigint      NOT NULL DEFAULT 0,
    written_count bigint      NOT NULL DEFAULT 0,
    skipped_count bigint      NOT NULL DEFAULT 0,
    deleted_count bigint      NOT NULL DEFAULT 0,
    call_count    bigint      NOT NULL DEFAULT 0,
    outcome       text,
    error         text
);
CREATE INDEX sync_runs_recent ON sync_runs (started_at DESC, id DESC);

CREATE TABLE leases (
    source     text        NOT NULL,
    model      text        NOT NULL,
    owner      text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (source, model)
);

CREATE TABLE webhook_events (
    id              bigserial   PRIMARY KEY,
    source          text        NOT NULL,
    model           text        NOT NULL,
    record_id       bigint      NOT NULL,
    action          text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'processing', 'done', 'failed', 'ignored')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- pending: not before this time; processing: the claim expires at this time
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error      text,
    processed_at    timestamptz
);
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at, id) WHERE status IN ('pending', 'processing');
CREATE INDEX webhook_events_received ON webhook_events (received_at);
