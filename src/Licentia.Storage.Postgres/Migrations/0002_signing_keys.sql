-- KMS-compatible signing keys (asymmetric, SIGN_VERIFY). The private key is stored only encrypted
-- (PKCS#8 under AES-GCM with the master key); the public key is DER SubjectPublicKeyInfo, not secret.
-- Columns for what lookups use; description and other members live in doc.

CREATE TABLE signing_keys (
    seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id            text NOT NULL,
    region                text NOT NULL,
    id                    text NOT NULL,
    arn                   text NOT NULL,
    key_spec              text NOT NULL,
    created_at            timestamptz NOT NULL,
    public_key            bytea NOT NULL,
    encrypted_private_key bytea NOT NULL,
    doc                   jsonb NOT NULL,
    UNIQUE (account_id, region, id)
);

CREATE INDEX signing_keys_by_scope ON signing_keys (account_id, region, seq);
