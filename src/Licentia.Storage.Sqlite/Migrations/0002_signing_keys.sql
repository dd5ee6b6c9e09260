-- KMS-compatible signing keys (asymmetric, SIGN_VERIFY). The private key is stored only encrypted
-- (PKCS#8 under AES-GCM with the master key); the public key is DER SubjectPublicKeyInfo, not secret.
-- Columns for what lookups use; description and other members live in doc.

CREATE TABLE signing_keys (
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id            TEXT NOT NULL,
    region                TEXT NOT NULL,
    id                    TEXT NOT NULL,
    arn                   TEXT NOT NULL,
    key_spec              TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    public_key            BLOB NOT NULL,
    encrypted_private_key BLOB NOT NULL,
    doc                   TEXT NOT NULL,
    UNIQUE (account_id, region, id)
) STRICT;

CREATE INDEX signing_keys_by_scope ON signing_keys (account_id, region, seq);
