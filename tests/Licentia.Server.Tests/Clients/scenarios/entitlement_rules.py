"""The rules of managed entitlements beyond the basic flow, through boto3 against a server with the test clock:
weekly renewal resets usage at the boundary, Entitlement.AllowCheckIn, node-locked re-check-outs, DeleteLicense
deleting every grant of the license, tags on license and grant ARNs, and the grant's activation option."""
import datetime
import os
import uuid

from enforcement_lib import advance_clock
from lt import check, client, equal, expect_error

REGION = "us-east-1"
seller = client(region=REGION)
west = client(region="us-west-2")
SECOND_CREDENTIALS = {"aws_access_key_id": os.environ["SECOND_ACCESS_KEY_ID"], "aws_secret_access_key": os.environ["SECOND_SECRET_ACCESS_KEY"]}
second = client(region=REGION, **SECOND_CREDENTIALS)
SECOND = client("sts", region=REGION, **SECOND_CREDENTIALS).get_caller_identity()["Account"]
SELLER = client("sts", region=REGION).get_caller_identity()["Account"]
BEGIN = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
key_arn = client("kms", region=REGION).create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
FINGERPRINT = f"aws:{SELLER}:Example Software:issuer-fingerprint"


def token():
    return str(uuid.uuid4())


def new_license(sku, entitlements, renew="None", tags=None, consumption=None):
    return seller.create_license(
        LicenseName="Rules", ProductName="Analytics", ProductSKU=sku, Issuer={"Name": "Example Software", "SignKey": key_arn},
        HomeRegion=REGION, Validity={"Begin": BEGIN.strftime("%Y-%m-%dT%H:%M:%SZ")}, Beneficiary="buyer", Entitlements=entitlements,
        ConsumptionConfiguration=consumption or {"RenewType": renew, "ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 60}},
        ClientToken=token(), **({"Tags": tags} if tags else {}))["LicenseArn"]


def checkout(lm, sku, gigabytes, kind="PERPETUAL", **extra):
    return lm.checkout_license(ProductSKU=sku, CheckoutType=kind, KeyFingerprint=FINGERPRINT,
                               Entitlements=[{"Name": "DataTransfer", "Value": str(gigabytes), "Unit": "Gigabytes"}], ClientToken=token(), **extra)


def consumed(lm, license_arn):
    usages = lm.get_license_usage(LicenseArn=license_arn)["LicenseUsage"]["EntitlementUsages"]
    return next(u["ConsumedValue"] for u in usages if u["Name"] == "DataTransfer")


# --- RenewType Weekly: usage resets at each 7-day boundary from Validity.Begin (the moved test clock) -----------------
weekly = new_license("WEEKLY", [{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "AllowCheckIn": True}], renew="Weekly")
# The server's clock, to the second (its answer is UTC with a fraction this parse ignores).
now = datetime.datetime.strptime(advance_clock(0)["now"][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
week = datetime.timedelta(days=7)
boundary = BEGIN + week * ((now - BEGIN) // week + 1)
held = checkout(seller, "WEEKLY", 40)
expect_error("NoEntitlementsAllowedException", checkout, seller, "WEEKLY", 1)
equal(consumed(seller, weekly), "40", "perpetual consumption counts in its week")
advance_clock(int((boundary - now).total_seconds()) + 5)
equal(consumed(seller, weekly), "0", "a new week starts from zero")
checkout(seller, "WEEKLY", 40)
equal(consumed(seller, weekly), "40", "the new week counts its own check-outs")
expect_error("NoEntitlementsAllowedException", checkout, seller, "WEEKLY", 1)
expect_error("ResourceNotFoundException", seller.check_in_license, LicenseConsumptionToken=held["LicenseConsumptionToken"])

# --- AllowCheckIn false: what was taken stays consumed ------------------------------------------------------------------
locked = new_license("LOCKED", [{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "AllowCheckIn": False},
                                {"Name": "Platinum Tier", "Unit": "None"}])
taken = checkout(seller, "LOCKED", 10, kind="PROVISIONAL")
expect_error("ValidationException", seller.check_in_license, LicenseConsumptionToken=taken["LicenseConsumptionToken"], contains="AllowCheckIn")
equal(consumed(seller, locked), "10", "a refused check-in returns nothing")
platinum = seller.checkout_license(ProductSKU="LOCKED", CheckoutType="PROVISIONAL", KeyFingerprint=FINGERPRINT,
                                   Entitlements=[{"Name": "Platinum Tier", "Unit": "None"}], ClientToken=token())
seller.check_in_license(LicenseConsumptionToken=platinum["LicenseConsumptionToken"])  # unlimited: nothing to keep

# A borrow without AllowEarlyCheckIn returns only when it expires.
no_early = new_license("NO-EARLY", [{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "AllowCheckIn": True}],
                       consumption={"RenewType": "None", "BorrowConfiguration": {"AllowEarlyCheckIn": False, "MaxTimeToLiveInMinutes": 60}})
borrowed = seller.checkout_borrow_license(LicenseArn=no_early, DigitalSignatureMethod="JWT_PS384", ClientToken=token(),
                                          Entitlements=[{"Name": "DataTransfer", "Value": "5", "Unit": "Gigabytes"}])
expect_error("ValidationException", seller.check_in_license, LicenseConsumptionToken=borrowed["LicenseConsumptionToken"], contains="AllowEarlyCheckIn")
equal(consumed(seller, no_early), "5", "the borrow still counts")

# --- NodeId: a node checking out the same again keeps what it holds; another node counts on its own -------------------
nodes = new_license("NODES", [{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes", "AllowCheckIn": True}])
first = checkout(seller, "NODES", 30, kind="PROVISIONAL", NodeId="node-1")
again = checkout(seller, "NODES", 30, kind="PROVISIONAL", NodeId="node-1")
equal(again["LicenseConsumptionToken"], first["LicenseConsumptionToken"], "the node gets back the consumption it holds")
equal(again["NodeId"], "node-1", "node in the answer")
equal(consumed(seller, nodes), "30", "counted once for the node")
expect_error("NoEntitlementsAllowedException", checkout, seller, "NODES", 30, kind="PROVISIONAL", NodeId="node-2")
checkout(seller, "NODES", 10, kind="PROVISIONAL", NodeId="node-2")
equal(consumed(seller, nodes), "40", "another node counts separately")
seller.check_in_license(LicenseConsumptionToken=first["LicenseConsumptionToken"])
equal(consumed(seller, nodes), "10", "checking in the node's token returns its amount once")

# --- tags on license and grant ARNs, owned by the issuer / grantor in the license's Region ------------------------------
tagged = new_license("TAGS", [{"Name": "DataTransfer", "MaxCount": 40, "Unit": "Gigabytes"}], tags=[{"Key": "team", "Value": "sales"}])
equal(seller.list_tags_for_resource(ResourceArn=tagged)["Tags"], [{"Key": "team", "Value": "sales"}], "CreateLicense tags")
seller.tag_resource(ResourceArn=tagged, Tags=[{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "ops"}])
equal(seller.list_tags_for_resource(ResourceArn=tagged)["Tags"], [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "ops"}], "tagged license")
seller.untag_resource(ResourceArn=tagged, TagKeys=["env"])
equal(seller.list_tags_for_resource(ResourceArn=tagged)["Tags"], [{"Key": "team", "Value": "ops"}], "untagged license")
grant_arn = seller.create_grant(ClientToken=token(), GrantName="to buyer", LicenseArn=tagged, Principals=[f"arn:aws:iam::{SECOND}:root"],
                                HomeRegion=REGION, AllowedOperations=["CheckoutLicense"], Tags=[{"Key": "deal", "Value": "42"}])["GrantArn"]
seller.tag_resource(ResourceArn=grant_arn, Tags=[{"Key": "stage", "Value": "trial"}])
equal(seller.list_tags_for_resource(ResourceArn=grant_arn)["Tags"], [{"Key": "deal", "Value": "42"}, {"Key": "stage", "Value": "trial"}], "grant tags")
expect_error("AccessDeniedException", second.tag_resource, ResourceArn=tagged, Tags=[{"Key": "mine", "Value": "x"}])
expect_error("AccessDeniedException", second.list_tags_for_resource, ResourceArn=grant_arn)
expect_error("InvalidParameterValueException", west.list_tags_for_resource, ResourceArn=tagged)
expect_error("InvalidParameterValueException", seller.tag_resource, ResourceArn=tagged[:-4] + "0000", Tags=[{"Key": "k", "Value": "v"}])
expect_error("InvalidParameterValueException", second.untag_resource, ResourceArn=grant_arn[:-4] + "0000", TagKeys=["k"])

# --- the activation option: given with Status ACTIVE by the grantee, recorded in the grant's Options ---------------------
second.accept_grant(GrantArn=grant_arn)
expect_error("ValidationException", second.create_grant_version, ClientToken=token(), GrantArn=grant_arn,
             Options={"ActivationOverrideBehavior": "ALL_GRANTS_PERMITTED_BY_ISSUER"}, contains="ACTIVE")
second.create_grant_version(ClientToken=token(), GrantArn=grant_arn, Status="ACTIVE", Options={"ActivationOverrideBehavior": "ALL_GRANTS_PERMITTED_BY_ISSUER"})
grant = seller.get_grant(GrantArn=grant_arn)["Grant"]
equal((grant["GrantStatus"], grant["Options"]), ("ACTIVE", {"ActivationOverrideBehavior": "ALL_GRANTS_PERMITTED_BY_ISSUER"}), "activation option recorded")

# --- DeleteLicense: every grant of it is DELETED, grantees see it, nobody checks it out --------------------------------
held_by_second = checkout(second, "TAGS", 5, kind="PROVISIONAL")
version = seller.get_license(LicenseArn=tagged)["License"]["Version"]
equal(seller.delete_license(LicenseArn=tagged, SourceVersion=version)["Status"], "PENDING_DELETE", "deleted license")
grant = seller.get_grant(GrantArn=grant_arn)["Grant"]
equal(grant["GrantStatus"], "DELETED", "the grant of a deleted license is deleted")
check("deleted" in grant.get("StatusReason", "").lower(), f"status reason says why: {grant}")
received = second.list_received_licenses(LicenseArns=[tagged])["Licenses"][0]
equal((received["Status"], received["ReceivedMetadata"]["ReceivedStatus"]), ("PENDING_DELETE", "DELETED"), "the grantee sees it")
expect_error("ResourceNotFoundException", checkout, second, "TAGS", 1, kind="PROVISIONAL")
expect_error("ResourceNotFoundException", checkout, seller, "TAGS", 1, kind="PROVISIONAL")
expect_error("ValidationException", second.extend_license_consumption, LicenseConsumptionToken=held_by_second["LicenseConsumptionToken"])
expect_error("ValidationException", seller.tag_resource, ResourceArn=tagged, Tags=[{"Key": "late", "Value": "x"}], contains="read-only")
equal(seller.list_tags_for_resource(ResourceArn=tagged)["Tags"], [{"Key": "team", "Value": "ops"}], "a deleted license's tags stay readable")
expect_error("InvalidParameterValueException", second.get_license_usage, LicenseArn=weekly)
print("entitlement rules scenario passed")
