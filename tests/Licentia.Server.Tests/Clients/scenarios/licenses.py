"""Seller-issued licenses through boto3: a KMS signing key, a license with a 40 GB data-transfer entitlement and an
unlimited 'Platinum Tier', versions (immutable, read one by one), listing with the API reference's filters and
paging, refusals, and deletion: PENDING_DELETE, readable for six months (moved with the test clock), then gone."""
import json
import urllib.request
import uuid

from lt import ENDPOINT, check, client, equal, expect_error, raw_client

REGION = "us-east-1"
lm = client(region=REGION)
raw = raw_client(region=REGION)
kms = client("kms", region=REGION)


def token():
    return str(uuid.uuid4())


def advance_clock(seconds):
    request = urllib.request.Request(ENDPOINT + "/_licentia/clock", data=json.dumps({"advanceSeconds": seconds}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


key_arn = kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY", Description="license signer")["KeyMetadata"]["Arn"]
account = key_arn.split(":")[4]
ENTITLEMENTS = [
    {"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "Overage": False, "AllowCheckIn": True},
    {"Name": "Platinum Tier", "Value": "Enabled", "Unit": "None"},
]
CONSUMPTION = {"RenewType": "Monthly", "ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 60}}
VALIDITY = {"Begin": "2024-01-01T00:00:00Z", "End": "2099-01-01T00:00:00Z"}


def create(sku="AP-1", beneficiary="buyer@example.com", issuer="Example Software", **overrides):
    args = dict(LicenseName="Analytics Pro", ProductName="Analytics", ProductSKU=sku,
                Issuer={"Name": issuer, "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY,
                Entitlements=ENTITLEMENTS, Beneficiary=beneficiary, ConsumptionConfiguration=CONSUMPTION,
                LicenseMetadata=[{"Name": "contract", "Value": "C-42"}], ClientToken=token(),
                Tags=[{"Key": "team", "Value": "sales"}])
    args.update(overrides)
    return lm.create_license(**args)


created = create()
arn = created["LicenseArn"]
check(arn.startswith(f"arn:aws:license-manager::{account}:license:l-") and len(arn.split(":license:l-")[1]) == 32, f"license ARN {arn}")
equal((created["Status"], created["Version"]), ("AVAILABLE", "1"), "CreateLicense answer")

got = lm.get_license(LicenseArn=arn)["License"]
equal((got["LicenseName"], got["ProductName"], got["ProductSKU"], got["Beneficiary"], got["HomeRegion"], got["Status"], got["Version"]),
      ("Analytics Pro", "Analytics", "AP-1", "buyer@example.com", REGION, "AVAILABLE", "1"), "GetLicense members")
equal(got["Issuer"], {"Name": "Example Software", "SignKey": key_arn,
                      "KeyFingerprint": f"aws:{account}:Example Software:issuer-fingerprint"}, "issuer with fingerprint")
equal(got["Validity"], VALIDITY, "validity")
equal(got["Entitlements"], [
    {"Name": "DataTransfer", "MaxCount": 40, "Overage": False, "Unit": "Gigabytes", "AllowCheckIn": True},
    {"Name": "Platinum Tier", "Value": "Enabled", "Unit": "None", "AllowCheckIn": False},
], "entitlements: limited 40 GB and unlimited")
equal(got["ConsumptionConfiguration"], CONSUMPTION, "consumption configuration")
equal(got["LicenseMetadata"], [{"Name": "contract", "Value": "C-42"}], "metadata")
check("T" in got["CreateTime"] and got["CreateTime"].endswith("Z"), "CreateTime is ISO 8601")

# The same ClientToken and body: the same license, not a second one.
same_token = token()
first = create(sku="IDEM", ClientToken=same_token)
equal(create(sku="IDEM", ClientToken=same_token)["LicenseArn"], first["LicenseArn"], "ClientToken replay")

# A new version: immutable history, numbered on, readable by number.
v2 = lm.create_license_version(LicenseArn=arn, LicenseName="Analytics Pro 2", ProductName="Analytics",
                               Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY,
                               Entitlements=[dict(ENTITLEMENTS[0], MaxCount=80), ENTITLEMENTS[1]],
                               ConsumptionConfiguration={"RenewType": "None", "BorrowConfiguration": {"AllowEarlyCheckIn": True, "MaxTimeToLiveInMinutes": 1440}},
                               Status="AVAILABLE", SourceVersion="1", ClientToken=token())
equal((v2["LicenseArn"], v2["Version"], v2["Status"]), (arn, "2", "AVAILABLE"), "CreateLicenseVersion answer")
equal(lm.get_license(LicenseArn=arn)["License"]["Entitlements"][0]["MaxCount"], 80, "current version has 80 GB")
old = lm.get_license(LicenseArn=arn, Version="1")["License"]
equal((old["Version"], old["LicenseName"], old["Entitlements"][0]["MaxCount"]), ("1", "Analytics Pro", 40), "version 1 is unchanged")
equal(lm.get_license(LicenseArn=arn)["License"]["ConsumptionConfiguration"]["BorrowConfiguration"],
      {"AllowEarlyCheckIn": True, "MaxTimeToLiveInMinutes": 1440}, "borrow configuration of version 2")
expect_error("ConflictException", lm.create_license_version, LicenseArn=arn, LicenseName="x", ProductName="Analytics",
             Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY, Entitlements=ENTITLEMENTS,
             ConsumptionConfiguration=CONSUMPTION, Status="AVAILABLE", SourceVersion="1", ClientToken=token(), contains="version")
expect_error("ValidationException", lm.create_license_version, LicenseArn=arn, LicenseName="x", ProductName="Analytics",
             Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY, Entitlements=ENTITLEMENTS,
             ConsumptionConfiguration=CONSUMPTION, Status="EXPIRED", ClientToken=token())
deactivated = lm.create_license_version(LicenseArn=arn, LicenseName="Analytics Pro 2", ProductName="Analytics",
                                        Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY,
                                        Entitlements=ENTITLEMENTS, ConsumptionConfiguration=CONSUMPTION, Status="DEACTIVATED",
                                        ClientToken=token())
equal((deactivated["Version"], deactivated["Status"]), ("3", "DEACTIVATED"), "a version deactivates")

versions = lm.list_license_versions(LicenseArn=arn, MaxResults=2)
equal([v["Version"] for v in versions["Licenses"]], ["1", "2"], "first page of versions")
rest = lm.list_license_versions(LicenseArn=arn, MaxResults=2, NextToken=versions["NextToken"])
equal(([v["Version"] for v in rest["Licenses"]], "NextToken" in rest), (["3"], False), "last page of versions")

# Refusals with the codes the model declares.
bad_entitlements = [
    ([{"Name": "Data", "Unit": "Gigabytes"}], "MaxCount"),
    ([{"Name": "P", "Unit": "None", "MaxCount": 3}], "unlimited"),
    ([{"Name": "D", "Unit": "Count", "MaxCount": 1}, {"Name": "D", "Unit": "Count", "MaxCount": 2}], "more than once"),
]
for entitlements, hint in bad_entitlements:
    expect_error("ValidationException", create, Entitlements=entitlements, contains=hint)
expect_error("ValidationException", create, Issuer={"Name": "Example Software", "SignKey": key_arn.replace(REGION, "eu-west-1")}, contains="SignKey")
expect_error("ValidationException", create, Issuer={"Name": "Example Software"}, contains="SignKey")
expect_error("ValidationException", create, HomeRegion="eu-west-1", contains="HomeRegion")
expect_error("ValidationException", create, Validity={"Begin": "2025-01-02T00:00:00Z", "End": "2025-01-01T00:00:00Z"})
expect_error("ValidationException", create, ConsumptionConfiguration={"ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 60},
                                                                      "BorrowConfiguration": {"AllowEarlyCheckIn": True, "MaxTimeToLiveInMinutes": 60}})
# Enum violations are caught by the model-driven validator before the domain, with its usual code.
expect_error("InvalidParameterValueException", raw.create_license, LicenseName="x", ProductName="p", ProductSKU="s",
             Issuer={"Name": "i", "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY,
             Entitlements=[{"Name": "e", "Unit": "Parsecs", "MaxCount": 1}], Beneficiary="b", ConsumptionConfiguration={}, ClientToken=token(), contains="enum")
expect_error("InvalidParameterValueException", lm.get_license, LicenseArn=f"arn:aws:license-manager::{account}:license:l-" + "0" * 32)
expect_error("InvalidParameterValueException", lm.get_license, LicenseArn=arn, Version="9")

# Listing: filters as the API reference lists them, ARNs, paging.
create(sku="AP-2", beneficiary="other@example.com")
all_licenses = lm.list_licenses()["Licenses"]
equal(len(all_licenses), 3, "three licenses listed")
equal([l["ProductSKU"] for l in lm.list_licenses(Filters=[{"Name": "ProductSKU", "Values": ["AP-2"]}])["Licenses"]], ["AP-2"], "ProductSKU filter")
equal(len(lm.list_licenses(Filters=[{"Name": "Beneficiary", "Values": ["buyer@example.com"]}])["Licenses"]), 2, "Beneficiary filter")
equal(len(lm.list_licenses(Filters=[{"Name": "Fingerprint", "Values": [f"aws:{account}:Example Software:issuer-fingerprint"]}])["Licenses"]), 3, "Fingerprint filter")
equal([l["LicenseArn"] for l in lm.list_licenses(Filters=[{"Name": "Status", "Values": ["DEACTIVATED"]}])["Licenses"]], [arn], "Status filter")
equal([l["LicenseArn"] for l in lm.list_licenses(LicenseArns=[arn])["Licenses"]], [arn], "by ARN")
expect_error("InvalidParameterValueException", lm.list_licenses, Filters=[{"Name": "Color", "Values": ["red"]}], contains="Supported")
page = lm.list_licenses(MaxResults=2)
second = lm.list_licenses(MaxResults=2, NextToken=page["NextToken"])
equal((len(page["Licenses"]), len(second["Licenses"]), "NextToken" in second), (2, 1, False), "paging")

# Deletion: SourceVersion must be current; PENDING_DELETE and read-only for six months; then gone.
expect_error("ConflictException", lm.delete_license, LicenseArn=arn, SourceVersion="2")
deleted = lm.delete_license(LicenseArn=arn, SourceVersion="3")
equal(deleted["Status"], "PENDING_DELETE", "DeleteLicense status")
check(deleted["DeletionDate"] > "2000", f"DeletionDate {deleted['DeletionDate']}")
equal(lm.get_license(LicenseArn=arn)["License"]["Status"], "PENDING_DELETE", "readable while pending delete")
expect_error("ValidationException", lm.delete_license, LicenseArn=arn, SourceVersion="3", contains="already deleted")
expect_error("ValidationException", lm.create_license_version, LicenseArn=arn, LicenseName="x", ProductName="Analytics",
             Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION, Validity=VALIDITY, Entitlements=ENTITLEMENTS,
             ConsumptionConfiguration=CONSUMPTION, Status="AVAILABLE", ClientToken=token(), contains="read-only")
advance_clock(183 * 24 * 3600)
expect_error("InvalidParameterValueException", lm.get_license, LicenseArn=arn)
equal(arn in [l["LicenseArn"] for l in lm.list_licenses()["Licenses"]], False, "gone after six months")
print("ok")
