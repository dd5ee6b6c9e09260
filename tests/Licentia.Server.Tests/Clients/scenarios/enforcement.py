"""Launch-time license enforcement through boto3: hard and soft limits, start/stop, templates, associations,
usage, failures, refusals of License Manager, and a second account that sees none of it."""
import uuid

from enforcement_lib import (associate, check, clients, configuration, consumed, equal, failures, image_arn, register_image, run,
                             second_account_credentials, state_of, usage)
from lt import expect_error

lm, ec2 = clients()
tag = uuid.uuid4().hex[:8]

# --- the example: a vCPU hard limit of 16 ---------------------------------------------
vcpu = configuration(lm, f"vcpu-16-{tag}", "vCPU", 16, hard=True)
image = register_image(ec2, f"licensed-{tag}")
associate(lm, image_arn(image), vcpu)
equal(lm.list_license_specifications_for_resource(ResourceArn=image_arn(image))["LicenseSpecifications"],
      [{"LicenseConfigurationArn": vcpu}], "the AMI carries the configuration")
first = run(ec2, image, "c5.2xlarge")[0]
second = run(ec2, image, "c5.2xlarge")[0]
equal([l["LicenseConfigurationArn"] for l in first["Licenses"]], [vcpu], "Licenses on the instance")
equal(consumed(lm, vcpu), 16, "two c5.2xlarge consume 16 vCPUs")
message = expect_error("LicenseLimitExceeded", run, ec2, image, "c5.large", contains="hard limit of 16")
check(vcpu in message, "the refusal names the configuration")
got = lm.get_license_configuration(LicenseConfigurationArn=vcpu)
equal((got["ConsumedLicenses"], got["ConsumedLicenseSummaryList"], sorted(got["ManagedResourceSummaryList"], key=lambda s: s["ResourceType"])),
      (16, [{"ResourceType": "EC2_INSTANCE", "ConsumedLicenses": 16}],
       [{"ResourceType": "EC2_AMI", "AssociationCount": 1}, {"ResourceType": "EC2_INSTANCE", "AssociationCount": 2}]),
      "consumption summaries")
listed = [c for c in lm.list_license_configurations(LicenseConfigurationArns=[vcpu])["LicenseConfigurations"]]
equal(listed[0]["ConsumedLicenses"], 16, "ListLicenseConfigurations shows consumption")
refused = failures(lm, vcpu)
equal(len(refused), 1, "the refused launch is recorded")
equal((refused[0]["OperationName"], refused[0]["ResourceType"], refused[0]["ErrorMessage"]), ("RunInstances", "EC2_INSTANCE", message),
      "failure record")
check({"Name": "Outcome", "Value": "Refused"} in refused[0]["MetadataList"], "failure metadata")

rows = usage(lm, vcpu)
equal(sorted((u["ResourceArn"].split("/")[-1], u["ConsumedLicenses"], u["ResourceType"], u["ResourceStatus"]) for u in rows),
      sorted([(first["InstanceId"], 8, "EC2_INSTANCE", "running"), (second["InstanceId"], 8, "EC2_INSTANCE", "running")]), "usage rows")
one = usage(lm, vcpu, Filters=[{"Name": "resourceArn", "Values": [rows[0]["ResourceArn"]]}])
equal(len(one), 1, "usage filtered by resource ARN")
equal(len(usage(lm, vcpu, MaxResults=1)), 1, "usage paged")
expect_error("InvalidParameterValueException", usage, lm, vcpu, Filters=[{"Name": "colour", "Values": ["x"]}])
assoc = lm.list_associations_for_license_configuration(LicenseConfigurationArn=vcpu)["LicenseConfigurationAssociations"]
equal(sorted(a["ResourceType"] for a in assoc), ["EC2_AMI", "EC2_INSTANCE", "EC2_INSTANCE"], "associations")
page = lm.list_associations_for_license_configuration(LicenseConfigurationArn=vcpu, MaxResults=2)
check("NextToken" in page, "associations page")
rest = lm.list_associations_for_license_configuration(LicenseConfigurationArn=vcpu, MaxResults=2, NextToken=page["NextToken"])
equal(len(page["LicenseConfigurationAssociations"]) + len(rest["LicenseConfigurationAssociations"]), 3, "second page")

# DryRun both ways under the limit: it would be refused, so DryRun says so and records nothing.
expect_error("LicenseLimitExceeded", run, ec2, image, "c5.large", DryRun=True)
equal(len(failures(lm, vcpu)), 1, "a DryRun refusal is not recorded")

# Stop frees licenses; a start at the hard limit is refused and changes nothing.
ec2.stop_instances(InstanceIds=[first["InstanceId"]])
equal(consumed(lm, vcpu), 8, "stopping frees its licenses")
third = run(ec2, image, "c5.2xlarge")[0]
equal(consumed(lm, vcpu), 16, "the freed licenses are used again")
expect_error("LicenseLimitExceeded", ec2.start_instances, InstanceIds=[first["InstanceId"]])
equal(state_of(ec2, first["InstanceId"]), "stopped", "the refused start left it stopped")
equal([f["OperationName"] for f in failures(lm, vcpu)], ["RunInstances", "StartInstances"], "the refused start is recorded")
ec2.terminate_instances(InstanceIds=[third["InstanceId"]])
equal(consumed(lm, vcpu), 8, "terminating frees its licenses")
ec2.start_instances(InstanceIds=[first["InstanceId"]])
equal(consumed(lm, vcpu), 16, "start consumes again")

# Delete of a configuration still associated is refused, naming what to disassociate.
message = expect_error("InvalidParameterValueException", lm.delete_license_configuration, LicenseConfigurationArn=vcpu,
                       contains="Disassociate")
check(image_arn(image) in message or first["InstanceId"] in message, "the refusal names an associated resource")

# --- a soft limit: launches pass, the configuration is flagged and an alert kept ---------------
soft = configuration(lm, f"soft-{tag}", "Instance", 1)
soft_image = register_image(ec2, f"soft-{tag}")
associate(lm, image_arn(soft_image), soft)
a = run(ec2, soft_image)[0]
b = run(ec2, soft_image)[0]
equal(consumed(lm, soft), 2, "a soft limit lets the launch pass")
over = [c["LicenseConfigurationArn"] for c in lm.list_license_configurations(
    Filters=[{"Name": "usagelimitExceeded", "Values": ["true"]}])["LicenseConfigurations"]]
check(soft in over and vcpu not in over, "usagelimitExceeded filter")
alert = failures(lm, soft)
equal(len(alert), 1, "one alert")
check({"Name": "Outcome", "Value": "SoftLimitExceeded"} in alert[0]["MetadataList"], "the alert says soft limit exceeded")
equal(alert[0]["ResourceArn"].split("/")[-1], b["InstanceId"], "the alert names the instance over the limit")
ec2.terminate_instances(InstanceIds=[b["InstanceId"]])
over = [c["LicenseConfigurationArn"] for c in lm.list_license_configurations(
    Filters=[{"Name": "usagelimitExceeded", "Values": ["true"]}])["LicenseConfigurations"]]
check(soft not in over, "back under the limit")

# --- launch templates with LicenseSpecifications, and explicit LicenseSpecifications -----------
per_instance = configuration(lm, f"per-instance-{tag}", "Instance", 2, hard=True)
plain = register_image(ec2, f"plain-{tag}")
template = ec2.create_launch_template(LaunchTemplateName=f"licensed-{tag}", LaunchTemplateData={
    "ImageId": plain, "InstanceType": "m5.large", "LicenseSpecifications": [{"LicenseConfigurationArn": per_instance}]})["LaunchTemplate"]
t1 = ec2.run_instances(LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"]}, MinCount=1, MaxCount=1)["Instances"][0]
equal([l["LicenseConfigurationArn"] for l in t1["Licenses"]], [per_instance], "the template's licenses are on the instance")
t2 = run(ec2, plain, "m5.large", LicenseSpecifications=[{"LicenseConfigurationArn": per_instance}])[0]
equal(consumed(lm, per_instance), 2, "template and explicit launches both count")
expect_error("LicenseLimitExceeded", ec2.run_instances, LaunchTemplate={"LaunchTemplateName": f"licensed-{tag}"}, MinCount=1, MaxCount=1)
expect_error("InvalidParameterValue", run, ec2, plain, LicenseSpecifications=[{"LicenseConfigurationArn": "arn:aws:nope"}])

# UpdateLicenseSpecificationsForResource on an instance: remove releases, add consumes (refused at the hard limit).
owner = ec2.describe_instances(InstanceIds=[t2["InstanceId"]])["Reservations"][0]["OwnerId"]
inst_arn = f"arn:aws:ec2:us-east-1:{owner}:instance/{t2['InstanceId']}"
lm.update_license_specifications_for_resource(ResourceArn=inst_arn, RemoveLicenseSpecifications=[{"LicenseConfigurationArn": per_instance}])
equal(consumed(lm, per_instance), 1, "removing releases")
equal(lm.list_license_specifications_for_resource(ResourceArn=inst_arn)["LicenseSpecifications"], [], "no specifications left")
equal(ec2.describe_instances(InstanceIds=[t2["InstanceId"]])["Reservations"][0]["Instances"][0].get("Licenses", []), [], "Licenses updated")
lm.update_license_specifications_for_resource(ResourceArn=inst_arn, AddLicenseSpecifications=[{"LicenseConfigurationArn": per_instance}])
equal(consumed(lm, per_instance), 2, "adding consumes")
extra = run(ec2, plain, "m5.large")[0]
extra_arn = f"arn:aws:ec2:us-east-1:{owner}:instance/{extra['InstanceId']}"
expect_error("LicenseUsageException", lm.update_license_specifications_for_resource, ResourceArn=extra_arn,
             AddLicenseSpecifications=[{"LicenseConfigurationArn": per_instance}])
equal([f["OperationName"] for f in failures(lm, per_instance)], ["RunInstances", "UpdateLicenseSpecificationsForResource"],
      "refusals of both operations are recorded")
expect_error("InvalidParameterValueException", lm.update_license_specifications_for_resource, ResourceArn="arn:aws:s3:::bucket",
             AddLicenseSpecifications=[{"LicenseConfigurationArn": per_instance}])
expect_error("InvalidParameterValueException", lm.list_license_specifications_for_resource,
             ResourceArn=f"arn:aws:ec2:us-east-1:{owner}:instance/i-0123456789abcdef0x")
expect_error("InvalidParameterValueException", lm.list_usage_for_license_configuration,
             LicenseConfigurationArn=per_instance.replace("lic-", "lic-0"))

# --- a second account sees none of it, and can use none of it ----------------------------------
lm2, ec2b = clients(**second_account_credentials())
equal([r for r in ec2b.describe_instances()["Reservations"]], [], "no instances of the first account")
equal(ec2b.describe_images(Owners=["self"])["Images"], [], "no images of its own")
expect_error("InvalidAMIID.NotFound", ec2b.describe_images, ImageIds=[image])
expect_error("InvalidAMIID.NotFound", run, ec2b, image)
expect_error("InvalidInstanceID.NotFound", ec2b.terminate_instances, InstanceIds=[first["InstanceId"]])
equal(ec2b.describe_hosts()["Hosts"], [], "no hosts")
equal(ec2b.describe_launch_templates()["LaunchTemplates"], [], "no launch templates")
expect_error("InvalidParameterValueException", lm2.list_usage_for_license_configuration, LicenseConfigurationArn=vcpu)
expect_error("InvalidParameterValueException", lm2.list_failures_for_license_configuration_operations, LicenseConfigurationArn=vcpu)
expect_error("InvalidParameterValueException", lm2.list_associations_for_license_configuration, LicenseConfigurationArn=vcpu)
expect_error("InvalidParameterValueException", lm2.update_license_specifications_for_resource, ResourceArn=inst_arn,
             RemoveLicenseSpecifications=[{"LicenseConfigurationArn": per_instance}])
equal(lm2.list_license_specifications_for_resource(ResourceArn=image_arn(image))["LicenseSpecifications"], [],
      "the first account's AMI associations are not the second's")
own_image = register_image(ec2b, f"theirs-{tag}")
expect_error("InvalidParameterValue", run, ec2b, own_image, LicenseSpecifications=[{"LicenseConfigurationArn": vcpu}])
equal(consumed(lm, vcpu), 16, "the first account's consumption is untouched")
print("ok")
