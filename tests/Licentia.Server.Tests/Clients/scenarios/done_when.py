"""The managed-entitlements issue's "Done when", end to end through boto3. A seller creates a license with a 40 GB
data-transfer entitlement and an unlimited 'Platinum Tier' entitlement and grants it to SECOND, which accepts and
activates it; SECOND checks out 10 GB and Platinum Tier, verifies the token offline, extends and checks in; a third
check-out past the limit is refused. A customer without an account does the same through CreateToken,
GetAccessToken and AssumeRoleWithWebIdentity. Each signed token is printed as `TOKEN <who> <key ARN> <token>` so the
xunit test verifies it with Licentia.Client as well."""
import os
import uuid

from checkout_lib import fetch_jwks, verify
from lt import check, client, equal, expect_error

REGION = "us-east-1"
seller = client(region=REGION)
SECOND_CREDENTIALS = {"aws_access_key_id": os.environ["SECOND_ACCESS_KEY_ID"], "aws_secret_access_key": os.environ["SECOND_SECRET_ACCESS_KEY"]}
second = client(region=REGION, **SECOND_CREDENTIALS)
SECOND = client("sts", region=REGION, **SECOND_CREDENTIALS).get_caller_identity()["Account"]
SELLER = client("sts", region=REGION).get_caller_identity()["Account"]


def token():
    return str(uuid.uuid4())


def consume(lm, who, fingerprint, key_arn, license_arn, node):
    """Check out 10 GB and Platinum Tier, verify offline, extend, check in; fill to the limit; one more is refused."""
    def usage():
        return {u["Name"]: u["ConsumedValue"] for u in lm.get_license_usage(LicenseArn=license_arn)["LicenseUsage"]["EntitlementUsages"]}

    out = lm.checkout_license(ProductSKU="DT-40", CheckoutType="PROVISIONAL", KeyFingerprint=fingerprint, NodeId=node,
                              Entitlements=[{"Name": "DataTransfer", "Value": "10", "Unit": "Gigabytes"},
                                            {"Name": "Platinum Tier", "Unit": "None"}], ClientToken=token())
    header, payload = verify(out["SignedToken"], fetch_jwks(key_arn))
    equal((header["alg"], payload["licenseArn"], payload["nodeId"]), ("PS256", license_arn, node), f"{who}: token verifies offline")
    equal(sorted((e["name"], e.get("value")) for e in payload["entitlementsAllowed"]),
          [("DataTransfer", "10"), ("Platinum Tier", "Enabled")], f"{who}: entitlements in the token")
    print(f"TOKEN {who} {key_arn} {node} {out['SignedToken']}")
    equal(usage(), {"DataTransfer": "10", "Platinum Tier": "0"}, f"{who}: usage after 10 GB")

    extended = lm.extend_license_consumption(LicenseConsumptionToken=out["LicenseConsumptionToken"])
    check(extended["Expiration"] >= out["Expiration"], f"{who}: extension keeps or moves the expiry")
    lm.check_in_license(LicenseConsumptionToken=out["LicenseConsumptionToken"])
    equal(usage()["DataTransfer"], "0", f"{who}: usage after check-in")

    first = lm.checkout_license(ProductSKU="DT-40", CheckoutType="PROVISIONAL", KeyFingerprint=fingerprint,
                                Entitlements=[{"Name": "DataTransfer", "Value": "25", "Unit": "Gigabytes"}], ClientToken=token())
    another = lm.checkout_license(ProductSKU="DT-40", CheckoutType="PROVISIONAL", KeyFingerprint=fingerprint,
                                  Entitlements=[{"Name": "DataTransfer", "Value": "15", "Unit": "Gigabytes"}], ClientToken=token())
    expect_error("NoEntitlementsAllowedException", lm.checkout_license, ProductSKU="DT-40", CheckoutType="PROVISIONAL",
                 KeyFingerprint=fingerprint, Entitlements=[{"Name": "DataTransfer", "Value": "1", "Unit": "Gigabytes"}], ClientToken=token())
    for held in (first, another):
        lm.check_in_license(LicenseConsumptionToken=held["LicenseConsumptionToken"])


# --- the seller's license: 40 GB of data transfer, no overage, and an unlimited Platinum Tier ---------------
kms = client("kms", region=REGION)
key_arn = kms.create_key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
fingerprint = f"aws:{SELLER}:Example Software:issuer-fingerprint"
license_arn = seller.create_license(
    LicenseName="Data transfer", ProductName="Analytics", ProductSKU="DT-40", Issuer={"Name": "Example Software", "SignKey": key_arn},
    HomeRegion=REGION, Validity={"Begin": "2024-01-01T00:00:00Z"}, Beneficiary="buyer",
    Entitlements=[{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "Overage": False, "AllowCheckIn": True},
                  {"Name": "Platinum Tier", "Value": "Enabled", "Unit": "None"}],
    ConsumptionConfiguration={"RenewType": "None", "ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 60}},
    ClientToken=token())["LicenseArn"]

# --- granted to SECOND, which accepts and activates the grant ------------------------------------------------
grant_arn = seller.create_grant(ClientToken=token(), GrantName="to buyer", LicenseArn=license_arn, Principals=[f"arn:aws:iam::{SECOND}:root"],
                                HomeRegion=REGION, AllowedOperations=["CheckoutLicense", "CheckInLicense", "ExtendConsumptionLicense"])["GrantArn"]
second.accept_grant(GrantArn=grant_arn)
second.create_grant_version(ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE")
received = second.list_received_licenses(LicenseArns=[license_arn])["Licenses"][0]
equal(received["ReceivedMetadata"]["ReceivedStatus"], "ACTIVE", "SECOND received the license")
consume(second, "second", fingerprint, key_arn, license_arn, "node-1")

# --- a customer without an account: refresh token, access token, temporary credentials -----------------------
role = f"arn:aws:iam::{SELLER}:role/Customer"
refresh = seller.create_token(LicenseArn=license_arn, RoleArns=[role], TokenProperties=["customer=acme"], ClientToken=token())["Token"]
access = seller.get_access_token(Token=refresh)["AccessToken"]
credentials = client("sts", region=REGION).assume_role_with_web_identity(
    RoleArn=role, RoleSessionName="acme-host", WebIdentityToken=access, DurationSeconds=900)["Credentials"]
customer = client(region=REGION, aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
                  aws_session_token=credentials["SessionToken"])
consume(customer, "customer", fingerprint, key_arn, license_arn, "acme-host")
print("done-when scenario passed")
