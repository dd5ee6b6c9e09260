"""Helpers shared by the EC2 and launch-enforcement scenarios (on top of lt.py)."""
import json
import os
import urllib.request

from lt import ENDPOINT, check, client, equal, fail

REGION = "us-east-1"


def clients(**credentials):
    """(license-manager, ec2) clients for the default profile, or for the given keys."""
    return client("license-manager", REGION, **credentials), client("ec2", REGION, **credentials)


def second_account_credentials():
    return {"aws_access_key_id": os.environ["SECOND_ACCESS_KEY_ID"], "aws_secret_access_key": os.environ["SECOND_SECRET_ACCESS_KEY"]}


def image_arn(image_id):
    return f"arn:aws:ec2:{REGION}::image/{image_id}"


def register_image(ec2, name, **kwargs):
    return ec2.register_image(Name=name, **kwargs)["ImageId"]


def configuration(lm, name, counting, count=None, hard=False, rules=()):
    args = {"Name": name, "LicenseCountingType": counting, "LicenseCountHardLimit": hard, "LicenseRules": list(rules)}
    if count is not None:
        args["LicenseCount"] = count
    return lm.create_license_configuration(**args)["LicenseConfigurationArn"]


def associate(lm, resource_arn, *configuration_arns):
    lm.update_license_specifications_for_resource(
        ResourceArn=resource_arn, AddLicenseSpecifications=[{"LicenseConfigurationArn": a} for a in configuration_arns])


def run(ec2, image_id, instance_type="c5.large", **kwargs):
    return ec2.run_instances(ImageId=image_id, InstanceType=instance_type, MinCount=kwargs.pop("MinCount", 1),
                             MaxCount=kwargs.pop("MaxCount", 1), **kwargs)["Instances"]


def consumed(lm, arn):
    return lm.get_license_configuration(LicenseConfigurationArn=arn)["ConsumedLicenses"]


def usage(lm, arn, **kwargs):
    return lm.list_usage_for_license_configuration(LicenseConfigurationArn=arn, **kwargs)["LicenseConfigurationUsageList"]


def failures(lm, arn):
    return lm.list_failures_for_license_configuration_operations(LicenseConfigurationArn=arn)["LicenseOperationFailureList"]


def state_of(ec2, instance_id):
    reservations = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"]
    return reservations[0]["Instances"][0]["State"]["Name"]


def advance_clock(seconds):
    """Moves the server's test clock (the server must run with Licentia__TestClock__Enabled=true)."""
    request = urllib.request.Request(ENDPOINT + "/_licentia/clock", data=json.dumps({"advanceSeconds": seconds}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        equal(response.status, 200, "test clock moved")
        return json.loads(response.read())


__all__ = ["REGION", "advance_clock", "associate", "check", "clients", "configuration", "consumed", "equal", "fail",
           "failures", "image_arn", "register_image", "run", "second_account_credentials", "state_of", "usage"]
