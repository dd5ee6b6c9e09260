"""KMS signing keys through boto3: every key spec, every algorithm, the public key checked locally, and
each refusal with the code KMS gives. A second account (SECOND_* credentials) must see none of it."""
import base64
import hashlib
import os

from botocore.exceptions import ClientError

from lt import check, client, equal, expect_error, fail, raw_client

try:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    from cryptography.hazmat.primitives.serialization import load_der_public_key
    HAVE_CRYPTOGRAPHY = True
except ImportError:  # pragma: no cover - the machine's Python normally has it
    HAVE_CRYPTOGRAPHY = False

REGION = "us-east-1"
kms = client("kms", region=REGION)
raw = raw_client("kms", region=REGION)
MESSAGE = b"licentia check-out token: product=sql-ent; seats=4"

SPECS = {
    "RSA_2048": ["RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
                 "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512"],
    "ECC_NIST_P256": ["ECDSA_SHA_256"],
    "ECC_NIST_P384": ["ECDSA_SHA_384"],
    "ECC_NIST_P521": ["ECDSA_SHA_512"],
}
SPECS["RSA_3072"] = SPECS["RSA_2048"]
SPECS["RSA_4096"] = SPECS["RSA_2048"]
HASHES = {"256": hashlib.sha256, "384": hashlib.sha384, "512": hashlib.sha512}


def hash_of(algorithm):
    return HASHES[algorithm[-3:]]


def expect_invalid_signature(**kwargs):
    """KMS answers a bad signature with KMSInvalidSignatureException (and an empty message), never SignatureValid=false."""
    try:
        result = kms.verify(**kwargs)
    except ClientError as error:
        equal(error.response["Error"]["Code"], "KMSInvalidSignatureException", "bad signature error code")
        equal(error.response["ResponseMetadata"]["HTTPStatusCode"], 400, "bad signature status")
        return
    fail(f"verify of a bad signature succeeded: {result}")


def verify_locally(public_der, spec, algorithm, message, signature):
    if not HAVE_CRYPTOGRAPHY:
        check(public_der[0] == 0x30, "public key is a DER SEQUENCE")
        return
    key = load_der_public_key(public_der)
    h = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}[algorithm[-3:]]
    if spec.startswith("RSA_"):
        check(isinstance(key, rsa.RSAPublicKey), f"{spec} public key is RSA")
        equal(key.key_size, int(spec[4:]), f"{spec} key size")
        pad = (padding.PSS(mgf=padding.MGF1(h), salt_length=h.digest_size) if "PSS" in algorithm else padding.PKCS1v15())
        key.verify(signature, message, pad, h)
    else:
        check(isinstance(key, ec.EllipticCurvePublicKey), f"{spec} public key is EC")
        equal(key.curve.name, {"ECC_NIST_P256": "secp256r1", "ECC_NIST_P384": "secp384r1", "ECC_NIST_P521": "secp521r1"}[spec], "curve")
        key.verify(signature, message, ec.ECDSA(h))  # raises InvalidSignature if the DER signature does not match


keys = {}
for spec, algorithms in SPECS.items():
    created = kms.create_key(KeySpec=spec, KeyUsage="SIGN_VERIFY", Description=f"{spec} signer",
                             Tags=[{"TagKey": "team", "TagValue": "sales"}])["KeyMetadata"]
    key_id, arn = created["KeyId"], created["Arn"]
    account = arn.split(":")[4]
    equal(arn, f"arn:aws:kms:{REGION}:{account}:key/{key_id}", "key ARN")
    equal((created["AWSAccountId"], created["Enabled"], created["KeyState"], created["KeyUsage"], created["Origin"],
           created["KeyManager"], created["KeySpec"], created["CustomerMasterKeySpec"], created["MultiRegion"],
           created["Description"], created["SigningAlgorithms"]),
          (account, True, "Enabled", "SIGN_VERIFY", "AWS_KMS", "CUSTOMER", spec, spec, False, f"{spec} signer", algorithms),
          f"{spec} KeyMetadata")
    check("EncryptionAlgorithms" not in created, "a signing key lists no encryption algorithms")
    check(created["CreationDate"] is not None, "CreationDate is set")

    for reference in (key_id, arn):
        equal(kms.describe_key(KeyId=reference)["KeyMetadata"], created, f"describe_key({reference})")

    public = kms.get_public_key(KeyId=key_id)
    equal((public["KeyId"], public["KeySpec"], public["CustomerMasterKeySpec"], public["KeyUsage"], public["SigningAlgorithms"]),
          (arn, spec, spec, "SIGN_VERIFY", algorithms), f"{spec} get_public_key")
    check("EncryptionAlgorithms" not in public, "no encryption algorithms on a signing key's public key")

    for algorithm in algorithms:
        signed = kms.sign(KeyId=arn, Message=MESSAGE, SigningAlgorithm=algorithm)
        equal((signed["KeyId"], signed["SigningAlgorithm"]), (arn, algorithm), f"sign with {algorithm}")
        verify_locally(public["PublicKey"], spec, algorithm, MESSAGE, signed["Signature"])
        verified = kms.verify(KeyId=key_id, Message=MESSAGE, Signature=signed["Signature"], SigningAlgorithm=algorithm)
        equal((verified["KeyId"], verified["SignatureValid"], verified["SigningAlgorithm"]), (arn, True, algorithm), f"verify {algorithm}")

        digest = hash_of(algorithm)(MESSAGE).digest()
        by_digest = kms.sign(KeyId=key_id, Message=digest, MessageType="DIGEST", SigningAlgorithm=algorithm)["Signature"]
        kms.verify(KeyId=key_id, Message=MESSAGE, Signature=by_digest, SigningAlgorithm=algorithm)
        kms.verify(KeyId=key_id, Message=digest, MessageType="DIGEST", Signature=signed["Signature"], SigningAlgorithm=algorithm)

        expect_invalid_signature(KeyId=key_id, Message=MESSAGE + b"!", Signature=signed["Signature"], SigningAlgorithm=algorithm)
        tampered = bytearray(signed["Signature"])
        tampered[len(tampered) // 2] ^= 0x01
        expect_invalid_signature(KeyId=key_id, Message=MESSAGE, Signature=bytes(tampered), SigningAlgorithm=algorithm)

        short = digest[:-1]
        expect_error("ValidationException", kms.sign, KeyId=key_id, Message=short, MessageType="DIGEST", SigningAlgorithm=algorithm,
                     contains=f"Digest is invalid length for algorithm {algorithm}.")
    keys[spec] = (key_id, arn)

p256_id, p256_arn = keys["ECC_NIST_P256"]
rsa_id, rsa_arn = keys["RSA_2048"]

# Wrong algorithm for the key: InvalidKeyUsageException with KMS's wording.
expect_error("InvalidKeyUsageException", kms.sign, KeyId=p256_id, Message=MESSAGE, SigningAlgorithm="ECDSA_SHA_384",
             contains="Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.")
expect_error("InvalidKeyUsageException", kms.sign, KeyId=rsa_id, Message=MESSAGE, SigningAlgorithm="ECDSA_SHA_256")
expect_error("InvalidKeyUsageException", kms.verify, KeyId=p256_id, Message=MESSAGE, Signature=b"\x30\x00",
             SigningAlgorithm="RSASSA_PSS_SHA_256")

# Unknown keys: NotFoundException, as KMS words it.
missing = "0bd5c2a4-7f3e-4c1a-9d3b-2e8f6a1c0b9d"
account = p256_arn.split(":")[4]
expect_error("NotFoundException", kms.describe_key, KeyId=missing,
             contains=f"Key 'arn:aws:kms:{REGION}:{account}:key/{missing}' does not exist")
expect_error("NotFoundException", kms.sign, KeyId=missing, Message=MESSAGE, SigningAlgorithm="ECDSA_SHA_256")
expect_error("NotFoundException", kms.get_public_key, KeyId="not-a-key-id", contains="Invalid keyId 'not-a-key-id'")
expect_error("NotFoundException", kms.describe_key, KeyId="alias/license-signing", contains="is not found")

# Key specs and usages: KMS's ValidationException for impossible pairs, UnsupportedOperationException for
# valid KMS keys that Licentia does not create, the model's enum check for names KMS does not know.
expect_error("ValidationException", kms.create_key, KeySpec="ECC_NIST_P256",
             contains="You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.")
expect_error("ValidationException", kms.create_key, KeySpec="ECC_NIST_P256", KeyUsage="ENCRYPT_DECRYPT",
             contains="KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256")
expect_error("UnsupportedOperationException", kms.create_key)
expect_error("UnsupportedOperationException", kms.create_key, KeySpec="RSA_2048", KeyUsage="ENCRYPT_DECRYPT")
expect_error("UnsupportedOperationException", kms.create_key, KeySpec="HMAC_256", KeyUsage="GENERATE_VERIFY_MAC")
expect_error("UnsupportedOperationException", kms.create_key, KeySpec="ECC_SECG_P256K1", KeyUsage="SIGN_VERIFY")
expect_error("ValidationException", raw.create_key, KeySpec="RSA_1024", KeyUsage="SIGN_VERIFY", contains="keySpec")

# Tags as KMS validates them.
expect_error("TagException", kms.create_key, KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY",
             Tags=[{"TagKey": "aws:owner", "TagValue": "x"}])
expect_error("TagException", kms.create_key, KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY",
             Tags=[{"TagKey": "a", "TagValue": "1"}, {"TagKey": "a", "TagValue": "2"}])

# Messages: 4096 bytes is the most a RAW message may be.
kms.sign(KeyId=p256_id, Message=b"x" * 4096, SigningAlgorithm="ECDSA_SHA_256")
expect_error("ValidationException", raw.sign, KeyId=p256_id, Message=b"x" * 4097, SigningAlgorithm="ECDSA_SHA_256",
             contains="less than or equal to 4096")

# DryRun answers as KMS does once every check has passed.
expect_error("DryRunOperationException", kms.sign, KeyId=p256_id, Message=MESSAGE, SigningAlgorithm="ECDSA_SHA_256", DryRun=True)

# Another Region does not see the key (KMS: "Invalid arn <region>" for an ARN of another Region).
elsewhere = client("kms", region="eu-west-1")
expect_error("NotFoundException", elsewhere.describe_key, KeyId=p256_id)
expect_error("NotFoundException", elsewhere.describe_key, KeyId=p256_arn, contains=f"Invalid arn {REGION}")

# Another account sees nothing of this one, by id or by ARN, and cannot sign with it.
if os.environ.get("SECOND_ACCESS_KEY_ID"):
    second = client("kms", region=REGION, aws_access_key_id=os.environ["SECOND_ACCESS_KEY_ID"],
                    aws_secret_access_key=os.environ["SECOND_SECRET_ACCESS_KEY"])
    expect_error("NotFoundException", second.describe_key, KeyId=p256_id)
    expect_error("NotFoundException", second.describe_key, KeyId=p256_arn, contains="does not exist")
    expect_error("NotFoundException", second.get_public_key, KeyId=p256_arn)
    expect_error("NotFoundException", second.sign, KeyId=p256_arn, Message=MESSAGE, SigningAlgorithm="ECDSA_SHA_256")
    own = second.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]
    check(own["AWSAccountId"] != account, "the second account's key belongs to it")
    expect_error("NotFoundException", kms.describe_key, KeyId=own["Arn"])

print("ok", "(public keys checked with cryptography)" if HAVE_CRYPTOGRAPHY else "(no cryptography package)")
