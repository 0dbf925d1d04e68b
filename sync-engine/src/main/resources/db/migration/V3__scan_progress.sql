-- Progress of an unfinished full read by id ranges (parallel page reads), so a killed run resumes.

CREATE TABLE scan_progress (
    source            text        NOT NULL,
    model             text        NOT NULL,
    fields            text        NOT NULL,
    newest_write_date timestamptz NOT NULL,
    max_id            bigint      NOT NULL,
    done_through_id   bigint      NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (source, model)
);
