"""Grants across accounts through boto3. The seller (default credentials) grants a license to SECOND, which sees
it pending, accepts (DISABLED) and activates it (CreateGrantVersion Status=ACTIVE), and finds it in
ListReceivedLicenses with the right ReceivedMetadata. Illegal moves and the other party's moves are refused;
THIRD sees nothing; SECOND redistributes only with CreateGrant; deletion flows end the grants."""
import os
import uuid

from lt import check, client, equal, expect_error

REGION = "us-east-1"
seller = client(region=REGION)
second = client(region=REGION, aws_access_key_id=os.environ["SECOND_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["SECOND_SECRET_ACCESS_KEY"])
third = client(region=REGION, aws_access_key_id=os.environ["THIRD_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["THIRD_SECRET_ACCESS_KEY"])
second_elsewhere = client(region="eu-west-1", aws_access_key_id=os.environ["SECOND_ACCESS_KEY_ID"],
                          aws_secret_access_key=os.environ["SECOND_SECRET_ACCESS_KEY"])
kms = client("kms", region=REGION)


def token():
    return str(uuid.uuid4())



key_arn = kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
seller_account = key_arn.split(":")[4]


def account_of(credentials_prefix):
    """The account of a key pair: read from the ARN of a KMS key it creates (KMS keys carry their account)."""
    kms_of = client("kms", region=REGION, aws_access_key_id=os.environ[credentials_prefix + "_ACCESS_KEY_ID"],
                    aws_secret_access_key=os.environ[credentials_prefix + "_SECRET_ACCESS_KEY"])
    return kms_of.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"].split(":")[4]


SECOND = account_of("SECOND")
THIRD = account_of("THIRD")
ENTITLEMENTS = [
    {"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "Overage": False},
    {"Name": "Platinum Tier", "Unit": "None"},
]


def new_license(sku="AP-1"):
    return seller.create_license(LicenseName="Analytics Pro", ProductName="Analytics", ProductSKU=sku,
                                 Issuer={"Name": "Example Software", "SignKey": key_arn}, HomeRegion=REGION,
                                 Validity={"Begin": "2024-01-01T00:00:00Z"}, Entitlements=ENTITLEMENTS, Beneficiary="buyer",
                                 ConsumptionConfiguration={"RenewType": "None", "ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 30}},
                                 ClientToken=token())["LicenseArn"]


def grant(caller, license_arn, account, operations=("CheckoutLicense", "CheckInLicense"), name="to buyer"):
    return caller.create_grant(ClientToken=token(), GrantName=name, LicenseArn=license_arn,
                               Principals=[f"arn:aws:iam::{account}:root"], HomeRegion=REGION, AllowedOperations=list(operations))


license_arn = new_license()
created = grant(seller, license_arn, SECOND, ("CheckoutLicense", "CheckInLicense", "CreateToken"))
grant_arn = created["GrantArn"]
check(grant_arn.startswith(f"arn:aws:license-manager::{seller_account}:grant:g-"), f"grant ARN {grant_arn}")
equal((created["Status"], created["Version"]), ("PENDING_ACCEPT", "1"), "CreateGrant answer")

# The grantee sees it pending, with the license, and nothing else of the seller's.
received = second.list_received_grants()["Grants"]
equal([(g["GrantArn"], g["GrantStatus"], g["ParentArn"], g["LicenseArn"]) for g in received],
      [(grant_arn, "PENDING_ACCEPT", license_arn, license_arn)], "SECOND receives the grant pending")
equal(received[0]["GranteePrincipalArn"], f"arn:aws:iam::{SECOND}:root", "grantee principal")
pending = second.list_received_licenses()["Licenses"]
equal([(l["LicenseArn"], l["ReceivedMetadata"]["ReceivedStatus"]) for l in pending], [(license_arn, "PENDING_ACCEPT")], "received license pending")
equal(second.get_license(LicenseArn=license_arn)["License"]["Entitlements"][0]["MaxCount"], 40, "the grantee reads the license")
equal(second.list_licenses()["Licenses"], [], "a grantee does not issue it")
other_license = new_license("OTHER")
expect_error("InvalidParameterValueException", second.get_license, LicenseArn=other_license)
equal(second_elsewhere.list_received_licenses()["Licenses"], [], "nothing in another Region")

# Only the grantee accepts; the seller cannot; the grantee cannot activate before accepting.
expect_error("AccessDeniedException", seller.accept_grant, GrantArn=grant_arn)
expect_error("ValidationException", second.create_grant_version, ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE", contains="PENDING_ACCEPT")
accepted = second.accept_grant(GrantArn=grant_arn)
equal((accepted["GrantArn"], accepted["Status"], accepted["Version"]), (grant_arn, "DISABLED", "2"), "accepted, not yet active")
expect_error("ValidationException", second.accept_grant, GrantArn=grant_arn, contains="DISABLED")
expect_error("ValidationException", second.reject_grant, GrantArn=grant_arn)
expect_error("AccessDeniedException", seller.create_grant_version, ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE")
expect_error("AccessDeniedException", second.create_grant_version, ClientToken=token(), GrantArn=grant_arn, GrantName="mine")
expect_error("ConflictException", second.create_grant_version, ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE", SourceVersion="1")
active = second.create_grant_version(ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE", SourceVersion="2")
equal((active["Status"], active["Version"]), ("ACTIVE", "3"), "activated by the grantee")

got = second.list_received_licenses()["Licenses"]
equal(len(got), 1, "one received license")
equal(got[0]["ReceivedMetadata"], {"ReceivedStatus": "ACTIVE", "AllowedOperations": ["CheckoutLicense", "CheckInLicense", "CreateToken"]},
      "ReceivedMetadata")
equal((got[0]["LicenseArn"], got[0]["ProductSKU"], got[0]["Status"], got[0]["Issuer"]["KeyFingerprint"]),
      (license_arn, "AP-1", "AVAILABLE", f"aws:{seller_account}:Example Software:issuer-fingerprint"), "received license members")
equal(len(second.list_received_licenses(Filters=[{"Name": "IssuerName", "Values": ["Example Software"]}])["Licenses"]), 1, "IssuerName filter")
equal(second.list_received_licenses(Filters=[{"Name": "ProductSKU", "Values": ["OTHER"]}])["Licenses"], [], "ProductSKU filter")

# The seller's view of its grants, and versions of the grant.
distributed = seller.list_distributed_grants(Filters=[{"Name": "LicenseArn", "Values": [license_arn]}])["Grants"]
equal([(g["GrantArn"], g["GrantStatus"], g["Version"]) for g in distributed], [(grant_arn, "ACTIVE", "3")], "ListDistributedGrants")
equal(seller.list_distributed_grants(Filters=[{"Name": "GrantStatus", "Values": ["PENDING_ACCEPT"]}])["Grants"], [], "GrantStatus filter")
equal(seller.get_grant(GrantArn=grant_arn, Version="1")["Grant"]["GrantStatus"], "PENDING_ACCEPT", "GetGrant by version")
equal(second.get_grant(GrantArn=grant_arn)["Grant"]["GrantedOperations"], ["CheckoutLicense", "CheckInLicense", "CreateToken"], "grantee reads the grant")

# THIRD sees nothing and can do nothing.
equal(third.list_received_grants()["Grants"], [], "THIRD receives nothing")
equal(third.list_received_licenses()["Licenses"], [], "THIRD has no licenses")
equal(third.list_distributed_grants()["Grants"], [], "THIRD distributed nothing")
expect_error("InvalidParameterValueException", third.get_license, LicenseArn=license_arn)
expect_error("InvalidParameterValueException", third.get_grant, GrantArn=grant_arn)
expect_error("InvalidParameterValueException", third.accept_grant, GrantArn=grant_arn)
expect_error("InvalidParameterValueException", third.list_license_versions, LicenseArn=license_arn)
expect_error("InvalidParameterValueException", third.create_grant, ClientToken=token(), GrantName="steal", LicenseArn=license_arn,
             Principals=[f"arn:aws:iam::{THIRD}:root"], HomeRegion=REGION, AllowedOperations=["CheckoutLicense"])

# Redistribution: only with CreateGrant, only within what was received.
expect_error("AccessDeniedException", grant, second, license_arn, THIRD, ("CheckoutLicense",), contains="CreateGrant")
amended = seller.create_grant_version(ClientToken=token(), GrantArn=grant_arn, AllowedOperations=["CheckoutLicense", "CreateGrant"])
equal((amended["Status"], amended["Version"]), ("ACTIVE", "4"), "the grantor amends operations")
expect_error("AccessDeniedException", grant, second, license_arn, THIRD, ("CheckoutLicense", "CreateToken"), contains="beyond")
child = grant(second, license_arn, THIRD, ("CheckoutLicense",), name="resale")
child_grant = third.get_grant(GrantArn=child["GrantArn"])["Grant"]
equal((child_grant["ParentArn"], child_grant["LicenseArn"], child_grant["GrantStatus"]), (grant_arn, license_arn, "PENDING_ACCEPT"), "redistributed grant")
rejected = third.reject_grant(GrantArn=child["GrantArn"])
equal(rejected["Status"], "REJECTED", "THIRD rejects")
equal(third.list_received_licenses()["Licenses"][0]["ReceivedMetadata"]["ReceivedStatus"], "REJECTED", "a rejected grant shows as such")
expect_error("ValidationException", third.accept_grant, GrantArn=child["GrantArn"], contains="REJECTED")

# Illegal principals and the organization workflow.
expect_error("InvalidParameterValueException", seller.create_grant, ClientToken=token(), GrantName="x", LicenseArn=license_arn,
             Principals=[f"arn:aws:iam::{SECOND}:user/bob"], HomeRegion=REGION, AllowedOperations=["CheckoutLicense"])
expect_error("ValidationException", grant, seller, license_arn, seller_account)
org = seller.create_grant(ClientToken=token(), GrantName="org", LicenseArn=license_arn,
                          Principals=[f"arn:aws:organizations::{seller_account}:organization/o-abcdef1234"], HomeRegion=REGION,
                          AllowedOperations=["CheckoutLicense"])
equal(org["Status"], "PENDING_WORKFLOW", "an organization grant waits for the workflow")

# Deleting: only the grantor, only at the current version; then the grantee sees it DELETED.
expect_error("AccessDeniedException", second.delete_grant, GrantArn=grant_arn, Version="4")
expect_error("ConflictException", seller.delete_grant, GrantArn=grant_arn, Version="3")
gone = seller.delete_grant(GrantArn=grant_arn, Version="4", StatusReason="refund")
equal((gone["Status"], gone["Version"]), ("DELETED", "5"), "DeleteGrant")
equal(second.get_grant(GrantArn=grant_arn)["Grant"]["StatusReason"], "refund", "reason kept")
expect_error("ValidationException", second.create_grant_version, ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE")
statuses = {g["GrantArn"]: g["GrantStatus"] for g in second.list_received_grants()["Grants"]}
equal(statuses[grant_arn], "DELETED", "the grantee sees the grant deleted")

# Deleting the license: the grantee still reads it, PENDING_DELETE; it cannot be granted any more.
seller.delete_license(LicenseArn=license_arn, SourceVersion="1")
equal(second.get_license(LicenseArn=license_arn)["License"]["Status"], "PENDING_DELETE", "grantee sees the deletion")
expect_error("ValidationException", grant, seller, license_arn, THIRD, contains="deleted")
print("ok")
