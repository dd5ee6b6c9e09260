-- Automated discovery and managed servers as licensed resources.
-- origin: who made an association, 'manual' (UpdateLicenseSpecificationsForResource, launches) or 'discovery'
-- (the discovery job). Discovery removes only its own associations, and a caller may not remove those by hand.
ALTER TABLE license_associations ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual';

-- The discovery job's re-plan pages through the associations of managed servers across every scope.
CREATE INDEX license_associations_by_type ON license_associations (resource_type, seq);

-- AutomatedDiscoveryInformation.LastRunTime, written by the job alone: a column of its own, so the job never rewrites
-- (nor races with) the document UpdateLicenseConfiguration writes.
ALTER TABLE license_configurations ADD COLUMN discovery_last_run_at TEXT;
