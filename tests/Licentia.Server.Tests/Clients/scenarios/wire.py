"""The JSON 1.1 wire and SigV4 as seen by botocore: errors, status codes and both signature forms."""
import datetime
import json

from lt import check, default_credentials, equal, signed_request, unsigned_request, utcnow

key, secret = default_credentials()
LIST = "AWSLicenseManager.ListLicenseConfigurations"

# A request signed by botocore's own signer, header form and presigned (query) form.
status, body = signed_request("{}", LIST, key, secret)
equal(status, 200, "header-signed request")
check("LicenseConfigurations" in body, "a list answer")
status, body = signed_request("{}", LIST, key, secret, presign=True)
equal(status, 200, f"presigned request ({body})")

# Authentication failures, with the codes and statuses a real endpoint gives.
status, body = unsigned_request("{}", LIST)
equal((status, body.get("__type")), (403, "MissingAuthenticationTokenException"), "no signature at all")
status, body = signed_request("{}", LIST, "AKIAIOSFODNN7EXAMPLE", secret)
equal((status, body.get("__type")), (400, "UnrecognizedClientException"), "unknown access key")
status, body = signed_request("{}", LIST, key, secret[:-1] + ("A" if secret[-1] != "A" else "B"))
equal((status, body.get("__type")), (400, "InvalidSignatureException"), "wrong secret")
status, body = signed_request("{}", LIST, key, secret, when=utcnow() - datetime.timedelta(minutes=20))
equal((status, body.get("__type")), (400, "InvalidSignatureException"), "signature 20 minutes old")
check("expired" in body.get("message", "").lower(), f"says the signature expired: {body}")
status, body = signed_request("{}", LIST, key, secret, when=utcnow() - datetime.timedelta(minutes=10))
equal(status, 200, "10 minutes of skew is allowed")

# Protocol errors: never a 500.
status, body = signed_request("{not json", LIST, key, secret)
equal((status, body.get("__type")), (400, "SerializationException"), "malformed JSON")
status, body = signed_request("[]", LIST, key, secret)
equal(status, 400, "a JSON array is not a request")
status, body = signed_request("{}", "AWSLicenseManager.DoSomethingElse", key, secret)
equal((status, body.get("__type")), (400, "UnknownOperationException"), "unknown operation")
status, body = signed_request("{}", "NotAService.ListLicenseConfigurations", key, secret)
equal((status, body.get("__type")), (400, "UnknownOperationException"), "unknown target prefix")
status, body = signed_request(json.dumps({"LicenseConfigurationArn": 5}), "AWSLicenseManager.GetLicenseConfiguration", key, secret)
check(400 <= status < 500, f"a number where a string belongs is a client error ({status} {body})")
status, body = signed_request(json.dumps({"Name": "x"}), "AWSLicenseManager.CreateLicenseConfiguration", key, secret)
equal((status, body.get("__type")), (400, "InvalidParameterValueException"), "missing required member")
check("licenseCountingType" in body.get("message", ""), f"the message names the member: {body}")
print("ok")
