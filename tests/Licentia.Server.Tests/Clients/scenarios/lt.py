"""Small helpers shared by the boto3 scenarios: clients pointed at the test server, and expectations.

Each scenario is a plain script that exits non-zero at the first failed expectation, so the xunit
test that runs it shows exactly which call misbehaved.
"""
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

import boto3
import botocore
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

ENDPOINT = os.environ["LICENTIA_ENDPOINT"]
DATA_DIR = os.environ["LICENTIA_DATA_DIR"]
NO_RETRY = Config(retries={"max_attempts": 1, "mode": "standard"})
# The server must validate what the client does not: switch off boto3's own parameter checks.
UNVALIDATED = Config(retries={"max_attempts": 1, "mode": "standard"}, parameter_validation=False)


def client(service="license-manager", region=None, config=NO_RETRY, **credentials):
    session = boto3.session.Session(**credentials) if credentials else boto3.session.Session()
    return session.client(service, endpoint_url=ENDPOINT, region_name=region, config=config)


def raw_client(service="license-manager", region=None, **credentials):
    return client(service, region, UNVALIDATED, **credentials)


def default_credentials():
    creds = boto3.session.Session().get_credentials()
    return creds.access_key, creds.secret_key


def check(condition, message):
    if not condition:
        fail(message)


def equal(actual, expected, what):
    if actual != expected:
        fail(f"{what}: expected {expected!r}, got {actual!r}")


def fail(message):
    print("FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def expect_error(code, call, *args, status=400, contains=None, **kwargs):
    """Calls and expects an AWS error with the given __type code and HTTP status."""
    try:
        result = call(*args, **kwargs)
    except ClientError as error:
        got = error.response["Error"]["Code"]
        got_status = error.response["ResponseMetadata"]["HTTPStatusCode"]
        message = error.response["Error"].get("Message", "")
        if got != code or got_status != status:
            fail(f"{call.__name__}: expected {code} ({status}), got {got} ({got_status}): {message}")
        if not message:
            fail(f"{call.__name__}: error {code} has no message")
        if contains and contains.lower() not in message.lower():
            fail(f"{call.__name__}: message {message!r} should mention {contains!r}")
        return message
    fail(f"{call.__name__}: expected {code}, but the call succeeded: {json.dumps(result, default=str)[:400]}")


def signed_request(body, target, access_key, secret_key, region="us-east-1", service="license-manager",
                   when=None, presign=False, extra_headers=None):
    """Sends a request signed by botocore's own signer; returns (status, parsed json body)."""
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target}
    headers.update(extra_headers or {})
    request = AWSRequest(method="POST", url=ENDPOINT + "/", data=body, headers=headers)
    credentials = Credentials(access_key, secret_key)
    signer = SigV4QueryAuth(credentials, service, region, expires=300) if presign else SigV4Auth(credentials, service, region)
    if when is not None:
        _sign_at(signer, request, when)
    else:
        signer.add_auth(request)
    return send(request.prepare())


def _sign_at(signer, request, when):
    """Signs as if the clock read `when` (botocore reads datetime.datetime.utcnow at signing)."""
    real = botocore.auth.datetime.datetime

    class Frozen(real):
        @classmethod
        def utcnow(cls):
            return when

        @classmethod
        def now(cls, tz=None):
            return when.replace(tzinfo=tz) if tz else when

    botocore.auth.datetime.datetime = Frozen
    try:
        signer.add_auth(request)
    finally:
        botocore.auth.datetime.datetime = real


def send(prepared):
    body = prepared.body
    if isinstance(body, str):
        body = body.encode()
    req = urllib.request.Request(prepared.url, data=body, method=prepared.method, headers=dict(prepared.headers))
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, _json(response.read())
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read())


def unsigned_request(body, target):
    req = urllib.request.Request(ENDPOINT + "/", data=body.encode(), method="POST",
                                 headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, _json(response.read())
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read())


def _json(data):
    try:
        return json.loads(data) if data else {}
    except ValueError:
        return {"unparsed": data.decode(errors="replace")}


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
