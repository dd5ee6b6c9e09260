"""Customers without an account, through boto3: the seller creates a refresh token for a license (CreateToken), the
customer exchanges it for an access token (GetAccessToken) and that for temporary credentials with STS
AssumeRoleWithWebIdentity (unsigned, as botocore sends it). The session may consume licenses and ask who it is, and
nothing else. Tokens are listed, deleted and refused when bad; expiry is shown with the server's test clock."""
import json
import urllib.request
import uuid

from lt import ENDPOINT, check, client, equal, expect_error, raw_client

REGION = "us-east-1"
lm = client(region=REGION)
raw_lm = raw_client(region=REGION)
sts = client("sts", region=REGION)
raw_sts = raw_client("sts", region=REGION)
kms = client("kms", region=REGION)


def advance_clock(seconds):
    request = urllib.request.Request(ENDPOINT + "/_licentia/clock", data=json.dumps({"advanceSeconds": seconds}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def session_clients(credentials):
    keys = dict(aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
                aws_session_token=credentials["SessionToken"])
    return client(region=REGION, **keys), client("sts", region=REGION, **keys)


# --- GetCallerIdentity of an account key ------------------------------------------------------------
me = sts.get_caller_identity()
account = me["Account"]
check(len(account) == 12 and account.isdigit(), f"account id {account}")
equal((me["Arn"], me["UserId"]), (f"arn:aws:iam::{account}:root", account), "an account key is the account's root")

# --- the seller: a license and a refresh token --------------------------------------------------------
key_arn = kms.create_key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")["KeyMetadata"]["Arn"]
license_arn = lm.create_license(
    LicenseName="Analytics Pro", ProductName="Analytics", ProductSKU="AP-1", Issuer={"Name": "Example", "SignKey": key_arn},
    HomeRegion=REGION, Validity={"Begin": "2024-01-01T00:00:00Z", "End": "2099-01-01T00:00:00Z"},
    Entitlements=[{"Name": "Seats", "MaxCount": 10, "Unit": "Count", "AllowCheckIn": True}], Beneficiary="customer@example.com",
    ConsumptionConfiguration={"RenewType": "None", "ProvisionalConfiguration": {"MaxTimeToLiveInMinutes": 60}},
    ClientToken=str(uuid.uuid4()))["LicenseArn"]
ROLE = f"arn:aws:iam::{account}:role/CustomerLicenseConsumer"
created = lm.create_token(LicenseArn=license_arn, RoleArns=[ROLE], TokenProperties=["customer=acme"], ClientToken=str(uuid.uuid4()))
equal(created["TokenType"], "REFRESH_TOKEN", "token type")
refresh = created["Token"]
equal(len(refresh.split(".")), 3, "the refresh token is a compact JWT")
token_id = created["TokenId"]

# --- the customer: access token, then temporary credentials --------------------------------------------
access = lm.get_access_token(Token=refresh)["AccessToken"]
equal(len(access.split(".")), 3, "the access token is a compact JWT")
check(access != refresh, "access token differs from the refresh token")

assumed = sts.assume_role_with_web_identity(RoleArn=ROLE, RoleSessionName="acme-host-1", WebIdentityToken=access, DurationSeconds=900)
credentials = assumed["Credentials"]
check(credentials["AccessKeyId"].startswith("ASIA") and len(credentials["AccessKeyId"]) == 20, "ASIA access key id")
check(len(credentials["SecretAccessKey"]) == 40 and credentials["SessionToken"], "secret and session token")
user = assumed["AssumedRoleUser"]
equal(user["Arn"], f"arn:aws:sts::{account}:assumed-role/CustomerLicenseConsumer/acme-host-1", "assumed-role ARN")
check(user["AssumedRoleId"].startswith("AROA") and user["AssumedRoleId"].endswith(":acme-host-1"), f"assumed role id {user}")
equal(assumed["SubjectFromWebIdentityToken"], token_id, "subject")
# The license ARN is the tokens' aud claim (and TokenProperties their amr claim), as CreateToken documents.
equal((assumed["Provider"], assumed["Audience"]), ("licentia", license_arn), "provider and audience")

session_lm, session_sts = session_clients(credentials)
equal(session_lm.get_license(LicenseArn=license_arn)["License"]["LicenseArn"], license_arn, "a session reads the license")
session_lm.list_received_licenses()
# The customer consumes the seller's license with the session (the session acts in the seller's account).
checked_out = session_lm.checkout_license(
    ProductSKU="AP-1", CheckoutType="PROVISIONAL", KeyFingerprint=f"aws:{account}:Example:issuer-fingerprint",
    Entitlements=[{"Name": "Seats", "Value": "2", "Unit": "Count"}], NodeId="acme-host-1", ClientToken=str(uuid.uuid4()))
equal(checked_out["LicenseArn"], license_arn, "a session checks the license out")
session_lm.check_in_license(LicenseConsumptionToken=checked_out["LicenseConsumptionToken"])
expect_error("AccessDeniedException", session_lm.create_license_configuration, Name="x", LicenseCountingType="vCPU", status=403)
expect_error("AccessDeniedException", session_lm.list_tokens, status=403)
expect_error("AccessDeniedException", session_lm.create_token, LicenseArn=license_arn, ClientToken=str(uuid.uuid4()), status=403)
west_lm = client(region="us-west-2", aws_access_key_id=credentials["AccessKeyId"],
                 aws_secret_access_key=credentials["SecretAccessKey"], aws_session_token=credentials["SessionToken"])
expect_error("AccessDeniedException", west_lm.list_received_licenses, status=403)
who = session_sts.get_caller_identity()
equal((who["Account"], who["Arn"], who["UserId"]), (account, user["Arn"], user["AssumedRoleId"]), "the session's identity")

# A session token that does not match is refused.
bad = dict(credentials, SessionToken=credentials["SessionToken"][:-4] + "AAAA")
bad_lm, _ = session_clients(bad)
try:
    bad_lm.get_license(LicenseArn=license_arn)
    check(False, "a wrong session token was accepted")
except Exception as error:  # noqa: BLE001 - any ClientError will do; the code is checked
    check("UnrecognizedClient" in str(error) or "InvalidClientTokenId" in str(error) or "security token" in str(error),
          f"wrong session token refused: {error}")

# --- refusals of STS ------------------------------------------------------------------------------------
expect_error("InvalidIdentityToken", sts.assume_role_with_web_identity, RoleArn=ROLE, RoleSessionName="session-x",
             WebIdentityToken="not-a-token")
expect_error("InvalidIdentityToken", sts.assume_role_with_web_identity, RoleArn=ROLE, RoleSessionName="session-x",
             WebIdentityToken=refresh)
expect_error("InvalidIdentityToken", sts.assume_role_with_web_identity, RoleArn=ROLE, RoleSessionName="session-x",
             WebIdentityToken=access[:-3] + ("AAA" if not access.endswith("AAA") else "BBB"))
expect_error("IDPRejectedClaim", sts.assume_role_with_web_identity, RoleArn=f"arn:aws:iam::{account}:role/Other",
             RoleSessionName="session-x", WebIdentityToken=access, status=403)
expect_error("ValidationError", raw_sts.assume_role_with_web_identity, RoleArn=ROLE, RoleSessionName="session-x",
             WebIdentityToken=access, DurationSeconds=60)
expect_error("AuthorizationException", lm.get_access_token, Token="garbage.garbage.garbage")
expect_error("AuthorizationException", lm.get_access_token, Token=access)

# --- ListTokens -------------------------------------------------------------------------------------------
# CreateToken names a license the caller issued or accepted a grant of; an unknown one does not exist.
expect_error("ResourceNotFoundException", lm.create_token, LicenseArn=license_arn.replace(license_arn[-4:], "0000"), ClientToken=str(uuid.uuid4()))
expect_error("ValidationException", lm.create_token, LicenseArn=f"arn:aws:iam::{account}:role/NotALicense", ClientToken=str(uuid.uuid4()))
other_license = lm.create_license(
    LicenseName="Other", ProductName="Analytics", ProductSKU="AP-2", Issuer={"Name": "Example", "SignKey": key_arn},
    HomeRegion=REGION, Validity={"Begin": "2024-01-01T00:00:00Z"}, Entitlements=[{"Name": "Seats", "MaxCount": 1, "Unit": "Count"}],
    Beneficiary="customer@example.com", ConsumptionConfiguration={"RenewType": "None"}, ClientToken=str(uuid.uuid4()))["LicenseArn"]
other = lm.create_token(LicenseArn=other_license, ClientToken=str(uuid.uuid4()))
listed = {t["TokenId"]: t for t in lm.list_tokens()["Tokens"]}
check(token_id in listed and other["TokenId"] in listed, "both tokens listed")
mine = listed[token_id]
equal((mine["TokenType"], mine["LicenseArn"], mine["RoleArns"], mine["TokenProperties"], mine["Status"]),
      ("REFRESH_TOKEN", license_arn, [ROLE], ["customer=acme"], "AVAILABLE"), "ListTokens members")
check(mine["ExpirationTime"].endswith("Z"), "ExpirationTime is ISO 8601")
filtered = lm.list_tokens(Filters=[{"Name": "LicenseArns", "Values": [license_arn]}])["Tokens"]
equal([t["TokenId"] for t in filtered], [token_id], "filter by LicenseArns")
equal([t["TokenId"] for t in lm.list_tokens(TokenIds=[other["TokenId"]])["Tokens"]], [other["TokenId"]], "by TokenIds")
first_page = lm.list_tokens(MaxResults=1)
equal(len(first_page["Tokens"]), 1, "a page of one")
second_page = lm.list_tokens(MaxResults=1, NextToken=first_page["NextToken"])
check(second_page["Tokens"][0]["TokenId"] != first_page["Tokens"][0]["TokenId"], "the next page moves on")
expect_error("ValidationException", lm.list_tokens, Filters=[{"Name": "Status", "Values": ["AVAILABLE"]}])

# --- a second account sees none of it ------------------------------------------------------------------------
# (tokens are scoped: DeleteToken of another scope's id is ResourceNotFound)
expect_error("ResourceNotFoundException", lm.delete_token, TokenId="0" * 32)

# --- DeleteToken: no more exchanges or assumptions -------------------------------------------------------------
lm.delete_token(TokenId=token_id)
expect_error("AuthorizationException", lm.get_access_token, Token=refresh)
expect_error("InvalidIdentityToken", sts.assume_role_with_web_identity, RoleArn=ROLE, RoleSessionName="session-x", WebIdentityToken=access)
expect_error("ResourceNotFoundException", lm.delete_token, TokenId=token_id)
equal(lm.list_tokens(TokenIds=[token_id])["Tokens"][0]["Status"], "DELETED", "a deleted token is listed DELETED")

# --- expiry, with the test clock -------------------------------------------------------------------------------
short = lm.create_token(LicenseArn=license_arn, RoleArns=[ROLE], ExpirationInDays=1, ClientToken=str(uuid.uuid4()))
short_access = lm.get_access_token(Token=short["Token"])["AccessToken"]
fresh = sts.assume_role_with_web_identity(RoleArn=ROLE, RoleSessionName="short", WebIdentityToken=short_access,
                                          DurationSeconds=900)["Credentials"]
fresh_lm, fresh_sts = session_clients(fresh)
fresh_lm.get_license(LicenseArn=license_arn)
advance_clock(901)
expect_error("ExpiredTokenException", fresh_lm.get_license, LicenseArn=license_arn)
advance_clock(3600)
expect_error("ExpiredTokenException", sts.assume_role_with_web_identity, RoleArn=ROLE, RoleSessionName="late",
             WebIdentityToken=short_access)
# The refresh token still works for a day; after that neither it nor its access tokens do.
later_access = lm.get_access_token(Token=short["Token"])["AccessToken"]
capped = sts.assume_role_with_web_identity(RoleArn=ROLE, RoleSessionName="capped", WebIdentityToken=later_access,
                                           DurationSeconds=43200)["Credentials"]
check((capped["Expiration"] - fresh["Expiration"]).total_seconds() < 86400, "session expiry capped by the refresh token")
advance_clock(86400)
expect_error("AuthorizationException", lm.get_access_token, Token=short["Token"])
equal(lm.list_tokens(TokenIds=[short["TokenId"]])["Tokens"][0]["Status"], "EXPIRED", "an expired token is listed EXPIRED")
print("ok")
