"""What licensing does as time passes, through boto3 against a server with a short housekeeping interval and
the test clock: a deregistered AMI loses its associations once the housekeeping job has run (running
instances keep theirs), and a host kept by #licenseAffinityToHost stops counting once the period is over."""
import time
import uuid

from enforcement_lib import (advance_clock, associate, check, clients, configuration, consumed, equal, image_arn, register_image, run,
                             usage)

lm, ec2 = clients()
tag = uuid.uuid4().hex[:8]

# --- deregistering an image drops its associations after housekeeping -----------------------
config = configuration(lm, f"dereg-{tag}", "Instance", 10)
image = register_image(ec2, f"dereg-{tag}")
associate(lm, image_arn(image), config)
instance = run(ec2, image)[0]
ec2.deregister_image(ImageId=image)
deadline = time.time() + 20
while time.time() < deadline:
    types = [a["ResourceType"] for a in lm.list_associations_for_license_configuration(LicenseConfigurationArn=config)[
        "LicenseConfigurationAssociations"]]
    if "EC2_AMI" not in types:
        break
    time.sleep(0.25)
equal(types, ["EC2_INSTANCE"], "the AMI association is gone, the running instance keeps its own")
equal(lm.list_license_specifications_for_resource(ResourceArn=image_arn(image))["LicenseSpecifications"], [], "no specifications on the AMI")
equal(consumed(lm, config), 1, "the running instance still counts")
ec2.terminate_instances(InstanceIds=[instance["InstanceId"]])

# --- license affinity to host, with the clock moved ---------------------------------------------
sockets = configuration(lm, f"affinity-{tag}", "Socket", 4, hard=True, rules=["#licenseAffinityToHost=1", "#allowedTenancy=EC2-DedicatedHost"])
golden = register_image(ec2, f"affinity-{tag}")
associate(lm, image_arn(golden), sockets)
h1, h2, h3 = ec2.allocate_hosts(AvailabilityZone="us-east-1a", InstanceFamily="r5", Quantity=3, AutoPlacement="off")["HostIds"]
on_h1 = run(ec2, golden, "r5.large", Placement={"Tenancy": "host", "HostId": h1})[0]
on_h2 = run(ec2, golden, "r5.large", Placement={"Tenancy": "host", "HostId": h2})[0]
equal(consumed(lm, sockets), 4, "two hosts of 2 sockets")
ec2.terminate_instances(InstanceIds=[on_h1["InstanceId"]])
equal(consumed(lm, sockets), 4, "the empty host still holds its sockets for the affinity period")
host_rows = usage(lm, sockets, Filters=[{"Name": "resourceType", "Values": ["EC2_HOST"]}])
equal(sorted(r["ResourceArn"].split("/")[-1] for r in host_rows), sorted([h1, h2]), "both hosts listed in usage")
from lt import expect_error
expect_error("LicenseLimitExceeded", run, ec2, golden, "r5.large", Placement={"Tenancy": "host", "HostId": h3}, contains="hard limit")

advance_clock(23 * 3600)
equal(consumed(lm, sockets), 4, "still held within the day")
moved = advance_clock(3600 + 1)
check(moved["offsetSeconds"] >= 24 * 3600, "the clock moved a day")
equal(consumed(lm, sockets), 2, "after the affinity period the empty host no longer counts")
equal([r["ResourceArn"].split("/")[-1] for r in usage(lm, sockets, Filters=[{"Name": "resourceType", "Values": ["EC2_HOST"]}])], [h2],
      "only the occupied host is listed")
on_h3 = run(ec2, golden, "r5.large", Placement={"Tenancy": "host", "HostId": h3})[0]
equal(consumed(lm, sockets), 4, "the freed sockets serve another host")
ec2.terminate_instances(InstanceIds=[on_h2["InstanceId"], on_h3["InstanceId"]])
print("ok")
