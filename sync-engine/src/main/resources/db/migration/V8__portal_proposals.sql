-- Vendor portal restock proposals: the one-time form tokens (a double submit creates one purchase order) and the
-- draft purchase orders each vendor proposed, with their lines as proposed.

CREATE TABLE portal_proposal_tokens (
    token      text        PRIMARY KEY,
    vendor     text        NOT NULL,
    source     text        NOT NULL,
    claimed_at timestamptz NOT NULL
);

CREATE TABLE portal_proposals (
    source     text        NOT NULL,
    order_id   bigint      NOT NULL,
    vendor     text        NOT NULL,
    partner_id bigint      NOT NULL,
    order_name text,
    token      text        NOT NULL REFERENCES portal_proposal_tokens (token),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (source, order_id)
);
CREATE INDEX portal_proposals_vendor ON portal_proposals (vendor, created_at DESC);

CREATE TABLE portal_proposal_lines (
    source       text             NOT NULL,
    order_id     bigint           NOT NULL,
    line_no      integer          NOT NULL,
    product_id   bigint           NOT NULL,
    product_name text,
    quantity     double precision NOT NULL,
    unit_price   double precision NOT NULL,
    PRIMARY KEY (source, order_id, line_no),
    FOREIGN KEY (source, order_id) REFERENCES portal_proposals (source, order_id) ON DELETE CASCADE
);
