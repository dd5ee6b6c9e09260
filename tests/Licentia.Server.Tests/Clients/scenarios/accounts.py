"""A second account sees nothing of the first, and can change nothing of it."""
import os

from lt import client, equal, expect_error

first = client(region="us-east-1")
second = client(region="us-east-1", aws_access_key_id=os.environ["SECOND_ACCESS_KEY_ID"],
                aws_secret_access_key=os.environ["SECOND_SECRET_ACCESS_KEY"])

arn = first.create_license_configuration(Name="mine", LicenseCountingType="vCPU", LicenseCount=4,
                                         Tags=[{"Key": "owner", "Value": "first"}])["LicenseConfigurationArn"]
own = second.create_license_configuration(Name="theirs", LicenseCountingType="Core")["LicenseConfigurationArn"]
equal(own.split(":")[4] != arn.split(":")[4], True, "each account has its own id")

equal([c["Name"] for c in second.list_license_configurations()["LicenseConfigurations"]], ["theirs"], "second lists only its own")
first_names = [c["Name"] for c in first.list_license_configurations()["LicenseConfigurations"]]
equal(("mine" in first_names, "theirs" in first_names), (True, False), "first lists only its own")
equal(second.list_license_configurations(LicenseConfigurationArns=[arn])["LicenseConfigurations"], [], "not even by ARN")
expect_error("InvalidParameterValueException", second.get_license_configuration, LicenseConfigurationArn=arn)
expect_error("InvalidParameterValueException", second.update_license_configuration, LicenseConfigurationArn=arn, Name="stolen")
expect_error("InvalidParameterValueException", second.delete_license_configuration, LicenseConfigurationArn=arn)
expect_error("InvalidParameterValueException", second.tag_resource, ResourceArn=arn, Tags=[{"Key": "owner", "Value": "second"}])
expect_error("InvalidParameterValueException", second.untag_resource, ResourceArn=arn, TagKeys=["owner"])
expect_error("InvalidParameterValueException", second.list_tags_for_resource, ResourceArn=arn)

got = first.get_license_configuration(LicenseConfigurationArn=arn)
equal((got["Name"], got["Tags"]), ("mine", [{"Key": "owner", "Value": "first"}]), "first account's data is untouched")
print("ok")
