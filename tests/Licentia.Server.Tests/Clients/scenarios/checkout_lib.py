"""Offline verification of Licentia's signed license tokens (compact JWS) with the `cryptography` package,
as a seller's software would do it: fetch the issuer key's JWKS once, then verify without the server."""
import base64
import json
import time
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from lt import ENDPOINT


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwks_url(key_arn):
    # arn:aws:kms:REGION:ACCOUNT:key/ID
    _, _, _, region, account, resource = key_arn.split(":", 5)
    return f"{ENDPOINT}/.well-known/licentia/jwks/{account}/{region}/{resource.split('/', 1)[1]}.json"


def fetch_jwks(key_arn):
    with urllib.request.urlopen(jwks_url(key_arn), timeout=30) as response:
        return json.loads(response.read())


def public_key(jwk):
    n = lambda name: int.from_bytes(b64url(jwk[name]), "big")
    if jwk["kty"] == "RSA":
        return rsa.RSAPublicNumbers(n("e"), n("n")).public_key()
    curve = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}[jwk["crv"]]
    return ec.EllipticCurvePublicNumbers(n("x"), n("y"), curve).public_key()


HASHES = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}


def verify(token, jwks, now=None):
    """The payload if the signature verifies and the token has not expired; raises ValueError otherwise."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64url(header_b64))
    alg = header["alg"]
    jwk = next((k for k in jwks["keys"] if k["kid"] == header["kid"]), None)
    if jwk is None:
        raise ValueError("unknown kid")
    key = public_key(jwk)
    signed = (header_b64 + "." + payload_b64).encode()
    signature = b64url(signature_b64)
    digest = HASHES[alg[2:]]
    try:
        if alg.startswith("PS"):
            key.verify(signature, signed, padding.PSS(mgf=padding.MGF1(digest()), salt_length=digest.digest_size), digest())
        elif alg.startswith("ES"):
            half = len(signature) // 2
            der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
            key.verify(der, signed, ec.ECDSA(digest()))
        else:
            raise ValueError("algorithm not allowed: " + alg)
    except InvalidSignature as error:
        raise ValueError("bad signature") from error
    payload = json.loads(b64url(payload_b64))
    if payload["exp"] + 60 < (now or time.time()):
        raise ValueError("expired")
    return header, payload


def tamper_payload(token, change):
    header_b64, payload_b64, signature_b64 = token.split(".")
    payload = json.loads(b64url(payload_b64))
    change(payload)
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return header_b64 + "." + forged + "." + signature_b64


def tamper_signature(token):
    head, _, signature_b64 = token.rpartition(".")
    raw = bytearray(b64url(signature_b64))
    raw[len(raw) // 2] ^= 0x01
    return head + "." + base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
