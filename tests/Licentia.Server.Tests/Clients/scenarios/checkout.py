"""Check-out through boto3. The seller (default credentials) issues a license with a 40 GB DataTransfer entitlement
and an unlimited Platinum Tier and grants it to SECOND, which accepts and activates the grant, checks out 10 GB and
Platinum Tier, verifies the signed token offline (JWKS + cryptography), extends, checks in. Counting is exact (past
the limit refused; overage reported), provisional check-outs lapse with the test clock, borrowing works, tampering
fails verification, and parallel check-outs never pass a limit."""
import os
import threading
import uuid

from checkout_lib import fetch_jwks, tamper_payload, tamper_signature, verify
from enforcement_lib import advance_clock
from lt import check, client, equal, expect_error

REGION = "us-east-1"
seller = client(region=REGION)
SECOND_CREDENTIALS = {"aws_access_key_id": os.environ["SECOND_ACCESS_KEY_ID"], "aws_secret_access_key": os.environ["SECOND_SECRET_ACCESS_KEY"]}
second = client(region=REGION, **SECOND_CREDENTIALS)
kms = client("kms", region=REGION)
ALL_OPERATIONS = ["CheckoutLicense", "CheckInLicense", "CheckoutBorrowLicense", "ExtendConsumptionLicense"]


def token():
    return str(uuid.uuid4())


SECOND = client("kms", region=REGION, **SECOND_CREDENTIALS).create_key(
    KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"].split(":")[4]


def new_license(key_arn, sku, entitlements, consumption=None):
    return seller.create_license(
        LicenseName="Analytics Pro", ProductName="Analytics", ProductSKU=sku,
        Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION,
        Validity={"Begin": "2024-01-01T00:00:00Z"}, Entitlements=entitlements, Beneficiary="buyer",
        ConsumptionConfiguration=consumption or {"RenewType": "None", "ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 30}},
        ClientToken=token())["LicenseArn"]


def grant_to_second(license_arn):
    grant_arn = seller.create_grant(ClientToken=token(), GrantName="to buyer", LicenseArn=license_arn,
                                    Principals=[f"arn:aws:iam::{SECOND}:root"], HomeRegion=REGION,
                                    AllowedOperations=ALL_OPERATIONS)["GrantArn"]
    second.accept_grant(GrantArn=grant_arn)
    second.create_grant_version(ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE")
    return grant_arn


def usage(caller, license_arn):
    return {u["Name"]: (u["ConsumedValue"], u.get("MaxCount"), u["Unit"])
            for u in caller.get_license_usage(LicenseArn=license_arn)["LicenseUsage"]["EntitlementUsages"]}


rsa_key = kms.create_key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
fingerprint = f"aws:{rsa_key.split(':')[4]}:Example Software:issuer-fingerprint"
ENTITLEMENTS = [{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "Overage": False, "AllowCheckIn": True},
                {"Name": "Platinum Tier", "Unit": "None"}]
license_arn = new_license(rsa_key, "AP-1", ENTITLEMENTS)

# Before the grant is active, SECOND may not check out.
grant_arn = seller.create_grant(ClientToken=token(), GrantName="pending", LicenseArn=license_arn,
                                Principals=[f"arn:aws:iam::{SECOND}:root"], HomeRegion=REGION, AllowedOperations=ALL_OPERATIONS)["GrantArn"]
expect_error("ResourceNotFoundException", second.checkout_license, ProductSKU="AP-1", CheckoutType="PROVISIONAL",
             KeyFingerprint=fingerprint, Entitlements=[{"Name": "DataTransfer", "Value": "10", "Unit": "Gigabytes"}], ClientToken=token())
second.accept_grant(GrantArn=grant_arn)
second.create_grant_version(ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE")

# SECOND checks out 10 GB and the Platinum Tier, node-locked, and verifies the token offline.
out = second.checkout_license(ProductSKU="AP-1", CheckoutType="PROVISIONAL", KeyFingerprint=fingerprint,
                              Entitlements=[{"Name": "DataTransfer", "Value": "10", "Unit": "Gigabytes"},
                                            {"Name": "Platinum Tier", "Unit": "None"}],
                              NodeId="node-1", Beneficiary="buyer", ClientToken=token())
equal((out["LicenseArn"], out["CheckoutType"], out["NodeId"]), (license_arn, "PROVISIONAL", "node-1"), "check-out answer")
equal([(e["Name"], e.get("Value"), e["Unit"]) for e in out["EntitlementsAllowed"]],
      [("DataTransfer", "10", "Gigabytes"), ("Platinum Tier", None, "None")], "entitlements allowed")
jwks = fetch_jwks(rsa_key)
header, payload = verify(out["SignedToken"], jwks)
equal((header["alg"], header["kid"]), ("PS256", rsa_key), "JWS header")
equal((payload["licenseArn"], payload["licenseConsumptionToken"], payload["nodeId"], payload["beneficiary"]),
      (license_arn, out["LicenseConsumptionToken"], "node-1", "buyer"), "token payload")
equal([e["name"] for e in payload["entitlementsAllowed"]], ["DataTransfer", "Platinum Tier"], "token entitlements")
equal(payload["issuer"]["keyFingerprint"], fingerprint, "token issuer")
equal((payload["issuedAt"], payload["expiration"]), (out["IssuedAt"], out["Expiration"]), "token times match the answer")
# The public key from KMS GetPublicKey is the one in the JWKS.
equal(kms.get_public_key(KeyId=rsa_key)["KeyId"], rsa_key, "KMS serves the public key too")

# Tampering fails verification.
for forged, what in [(tamper_payload(out["SignedToken"], lambda p: p["entitlementsAllowed"][0].update(value="40")), "payload"),
                     (tamper_signature(out["SignedToken"]), "signature")]:
    try:
        verify(forged, jwks)
        fail_message = f"a tampered {what} verified"
        check(False, fail_message)
    except ValueError:
        pass

equal(usage(second, license_arn)["DataTransfer"], ("10", "40", "Gigabytes"), "usage after 10 GB")
equal(usage(seller, license_arn)["Platinum Tier"][0], "0", "unlimited entitlements count nothing")

# Extend: the provisional check-out lives another 30 minutes from now.
extended = second.extend_license_consumption(LicenseConsumptionToken=out["LicenseConsumptionToken"])
equal(extended["LicenseConsumptionToken"], out["LicenseConsumptionToken"], "extended token")
check(extended["Expiration"] >= out["Expiration"], f"extension moves expiry: {extended['Expiration']} vs {out['Expiration']}")

# 30 GB more fills the entitlement; a third check-out past the limit is refused.
full = second.checkout_license(ProductSKU="AP-1", CheckoutType="PERPETUAL", KeyFingerprint=fingerprint,
                               Entitlements=[{"Name": "DataTransfer", "Value": "30", "Unit": "Gigabytes"}], ClientToken=token())
expect_error("NoEntitlementsAllowedException", second.checkout_license, ProductSKU="AP-1", CheckoutType="PROVISIONAL",
             KeyFingerprint=fingerprint, Entitlements=[{"Name": "DataTransfer", "Value": "1", "Unit": "Gigabytes"}], ClientToken=token())
equal(usage(second, license_arn)["DataTransfer"][0], "40", "usage at the limit")

# Check in the first: 10 GB return.
second.check_in_license(LicenseConsumptionToken=out["LicenseConsumptionToken"])
equal(usage(second, license_arn)["DataTransfer"][0], "30", "usage after check-in")
expect_error("ResourceNotFoundException", second.check_in_license, LicenseConsumptionToken=out["LicenseConsumptionToken"])
expect_error("ValidationException", second.extend_license_consumption, LicenseConsumptionToken=full["LicenseConsumptionToken"],
             contains="PERPETUAL")
second.check_in_license(LicenseConsumptionToken=full["LicenseConsumptionToken"])

# Overage: a license that allows it lets consumption pass MaxCount, and usage reports it.
ec_key = kms.create_key(KeySpec="ECC_NIST_P384", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
ec_fingerprint = f"aws:{ec_key.split(':')[4]}:Example Software:issuer-fingerprint"
overage_arn = new_license(ec_key, "AP-OVER", [{"Name": "Seats", "MaxCount": 2, "Unit": "Count", "Overage": True}])
grant_to_second(overage_arn)
over = second.checkout_license(ProductSKU="AP-OVER", CheckoutType="PERPETUAL", KeyFingerprint=ec_fingerprint,
                               Entitlements=[{"Name": "Seats", "Value": "3", "Unit": "Count"}], ClientToken=token())
header, _ = verify(over["SignedToken"], fetch_jwks(ec_key))
equal(header["alg"], "ES384", "P-384 keys sign ES384")
equal(usage(seller, overage_arn)["Seats"], ("3", "2", "Count"), "overage reported in usage")

# Provisional consumption lapses after its time to live (test clock), and then no longer counts.
lapse = second.checkout_license(ProductSKU="AP-1", CheckoutType="PROVISIONAL", KeyFingerprint=fingerprint,
                                Entitlements=[{"Name": "DataTransfer", "Value": "40", "Unit": "Gigabytes"}], ClientToken=token())
equal(usage(second, license_arn)["DataTransfer"][0], "40", "provisional check-out counts")
advance_clock(31 * 60)
equal(usage(second, license_arn)["DataTransfer"][0], "0", "lapsed provisional check-out no longer counts")
expect_error("ResourceNotFoundException", second.extend_license_consumption, LicenseConsumptionToken=lapse["LicenseConsumptionToken"])

# Borrow: needs the BorrowConfiguration; signs PS384 with an RSA key; lives MaxTimeToLiveInMinutes.
expect_error("ValidationException", second.checkout_borrow_license, LicenseArn=license_arn, DigitalSignatureMethod="JWT_PS384",
             Entitlements=[{"Name": "DataTransfer", "Value": "1", "Unit": "Gigabytes"}], ClientToken=token(), contains="BorrowConfiguration")
borrow_arn = new_license(rsa_key, "AP-BORROW", ENTITLEMENTS,
                         {"RenewType": "None", "BorrowConfiguration": {"AllowEarlyCheckIn": True, "MaxTimeToLiveInMinutes": 120}})
grant_to_second(borrow_arn)
borrowed = second.checkout_borrow_license(LicenseArn=borrow_arn, DigitalSignatureMethod="JWT_PS384", NodeId="laptop-7",
                                          Entitlements=[{"Name": "DataTransfer", "Value": "5", "Unit": "Gigabytes"}],
                                          CheckoutMetadata=[{"Name": "reason", "Value": "travel"}], ClientToken=token())
equal([(m["Name"], m["Value"]) for m in borrowed["CheckoutMetadata"]], [("reason", "travel")], "borrow metadata")
header, payload = verify(borrowed["SignedToken"], jwks, now=0)
equal((header["alg"], payload["checkoutType"], payload["checkoutMetadata"]), ("PS384", "BORROW", [{"name": "reason", "value": "travel"}]), "borrow token")
equal(payload["exp"] - payload["iat"], 120 * 60, "borrowed for the configured time to live")
second.check_in_license(LicenseConsumptionToken=borrowed["LicenseConsumptionToken"])

# Parallel check-outs never pass the limit: 5 seats, 16 threads.
race_arn = new_license(rsa_key, "AP-RACE", [{"Name": "Seats", "MaxCount": 5, "Unit": "Count", "Overage": False}])
grant_to_second(race_arn)
results = []
lock = threading.Lock()


def race():
    mine = client(region=REGION, **SECOND_CREDENTIALS)
    try:
        mine.checkout_license(ProductSKU="AP-RACE", CheckoutType="PERPETUAL", KeyFingerprint=fingerprint,
                              Entitlements=[{"Name": "Seats", "Value": "1", "Unit": "Count"}], ClientToken=token())
        outcome = "ok"
    except mine.exceptions.NoEntitlementsAllowedException:
        outcome = "refused"
    with lock:
        results.append(outcome)


threads = [threading.Thread(target=race) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
equal((results.count("ok"), results.count("refused")), (5, 11), "parallel check-outs")
equal(usage(seller, race_arn)["Seats"][0], "5", "exactly the limit consumed")
print("checkout scenario passed")
