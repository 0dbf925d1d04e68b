-- Webhook events whose re-read did not show the posted change yet (Odoo 17/18 post before their
-- transaction commits) are re-read after a short wait; those re-reads are counted apart from failed
-- attempts. An event whose change Odoo did not show within the commit window is 'deferred': the next
-- scheduled sync run reads it.

ALTER TABLE webhook_events DROP CONSTRAINT webhook_events_status_check;
ALTER TABLE webhook_events ADD CONSTRAINT webhook_events_status_check
    CHECK (status IN ('pending', 'processing', 'done', 'failed', 'ignored', 'deferred'));
ALTER TABLE webhook_events ADD COLUMN commit_waits integer NOT NULL DEFAULT 0;
