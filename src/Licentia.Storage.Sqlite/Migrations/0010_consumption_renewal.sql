-- Consumption of licenses that renew weekly or monthly: period_ends_at is the end of the renewal period a check-out
-- was made in, fixed at check-out; from then on the row no longer counts (null: the license does not renew).
-- A row counts while expires_at and period_ends_at are null or later than now. The two indexes let housekeeping find
-- lapsed rows (either instant long past) without scanning every row.

ALTER TABLE license_consumptions ADD COLUMN period_ends_at TEXT;

CREATE INDEX license_consumptions_by_expiry ON license_consumptions (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX license_consumptions_by_period_end ON license_consumptions (period_ends_at) WHERE period_ends_at IS NOT NULL;
