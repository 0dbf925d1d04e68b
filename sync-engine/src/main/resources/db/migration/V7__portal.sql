-- The vendor portal: server-side sessions (only a SHA-256 of the cookie's random id is stored), sign-in code
-- challenges (keyed hashes only, like vendor_challenges) and the pending OIDC sign-ins (state, nonce, PKCE verifier).

CREATE TABLE portal_sessions (
    id_hash      bytea       PRIMARY KEY,
    vendor       text        NOT NULL,
    csrf         text        NOT NULL,
    method       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX portal_sessions_vendor ON portal_sessions (vendor);
CREATE INDEX portal_sessions_expires ON portal_sessions (expires_at);

CREATE TABLE portal_signin_challenges (
    id         text        PRIMARY KEY,
    email      text        NOT NULL,
    client     text        NOT NULL,
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0,
    used_at    timestamptz
);
CREATE INDEX portal_signin_challenges_email ON portal_signin_challenges (email, created_at DESC);
CREATE INDEX portal_signin_challenges_client ON portal_signin_challenges (client, created_at DESC);

CREATE TABLE portal_oidc_flows (
    state_hash bytea       PRIMARY KEY,
    nonce      text        NOT NULL,
    verifier   text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
