"""EC2 through boto3: images, hosts, launch templates, instances, DryRun, paging and refusals."""
import re
import uuid

from enforcement_lib import clients, equal, check, register_image, run, state_of
from lt import expect_error

lm, ec2 = clients()
tag = uuid.uuid4().hex[:8]

# --- images -------------------------------------------------------------------------------------
linux = register_image(ec2, f"linux-{tag}", Description="golden", Architecture="x86_64", RootDeviceName="/dev/xvda")
check(re.match(r"^ami-[0-9a-f]{17}$", linux), f"image id {linux}")
windows = register_image(ec2, f"windows-{tag}", BillingProducts=["RunInstances:0002"])
image = ec2.describe_images(ImageIds=[linux])["Images"][0]
equal((image["Name"], image["State"], image["PlatformDetails"], image["UsageOperation"], image["Architecture"]),
      (f"linux-{tag}", "available", "Linux/UNIX", "RunInstances", "x86_64"), "described image")
win = ec2.describe_images(ImageIds=[windows])["Images"][0]
equal((win["PlatformDetails"], win["UsageOperation"], win.get("Platform")), ("Windows", "RunInstances:0002", "windows"), "windows image")
named = ec2.describe_images(Owners=["self"], Filters=[{"Name": "name", "Values": [f"*-{tag}"]}])["Images"]
equal(sorted(i["ImageId"] for i in named), sorted([linux, windows]), "name filter with a wildcard")
equal([i["ImageId"] for i in ec2.describe_images(Filters=[{"Name": "platform-details", "Values": ["Windows"]},
                                                           {"Name": "name", "Values": [f"*-{tag}"]}])["Images"]], [windows], "platform filter")
expect_error("InvalidAMIName.Duplicate", ec2.register_image, Name=f"linux-{tag}")
expect_error("InvalidAMIID.Malformed", ec2.describe_images, ImageIds=["ami-nothex"])
expect_error("InvalidAMIID.NotFound", ec2.describe_images, ImageIds=["ami-0123456789abcdef0"])
expect_error("InvalidParameterValue", ec2.describe_images, Filters=[{"Name": "colour", "Values": ["blue"]}], contains="colour")
expect_error("DryRunOperation", ec2.describe_images, DryRun=True, status=412, contains="DryRun flag is set")
expect_error("DryRunOperation", ec2.register_image, Name=f"dry-{tag}", DryRun=True, status=412)
equal(ec2.describe_images(Filters=[{"Name": "name", "Values": [f"dry-{tag}"]}])["Images"], [], "a DryRun registers nothing")

# Paging: MaxResults and NextToken, and a token cannot be forged or reused with other filters.
for i in range(3):
    register_image(ec2, f"page-{tag}-{i}")
pages, token, seen = 0, None, []
while True:
    args = {"Filters": [{"Name": "name", "Values": [f"page-{tag}-*"]}], "MaxResults": 2}
    if token:
        args["NextToken"] = token
    page = ec2.describe_images(**args)
    seen += [i["Name"] for i in page["Images"]]
    pages += 1
    token = page.get("NextToken")
    if not token:
        break
    first_token = token
equal((pages, seen), (2, [f"page-{tag}-0", f"page-{tag}-1", f"page-{tag}-2"]), "two pages in registration order")
expect_error("InvalidParameterValue", ec2.describe_images, Filters=[{"Name": "name", "Values": ["other"]}], NextToken=first_token,
             contains="NextToken")
expect_error("InvalidParameterValue", ec2.describe_images, NextToken="forged.token", contains="NextToken")

# --- Dedicated Hosts ----------------------------------------------------------------------------
hosts = ec2.allocate_hosts(AvailabilityZone="us-east-1a", InstanceFamily="c5", Quantity=2, AutoPlacement="off")["HostIds"]
equal(len(hosts), 2, "two hosts allocated")
typed = ec2.allocate_hosts(AvailabilityZone="us-east-1b", InstanceType="m5.large", AutoPlacement="on")["HostIds"][0]
described = {h["HostId"]: h for h in ec2.describe_hosts(HostIds=hosts + [typed])["Hosts"]}
h0 = described[hosts[0]]
equal((h0["State"], h0["AutoPlacement"], h0["AvailabilityZone"], h0["HostProperties"]["Cores"], h0["HostProperties"]["Sockets"],
       h0["HostProperties"]["TotalVCpus"], h0["HostProperties"]["InstanceFamily"], h0["AvailableCapacity"]["AvailableVCpus"]),
      ("available", "off", "us-east-1a", 48, 2, 96, "c5", 96), "described host")
equal((described[typed]["HostProperties"]["InstanceType"], described[typed]["AllowsMultipleInstanceTypes"]), ("m5.large", "off"), "typed host")
equal([h["HostId"] for h in ec2.describe_hosts(Filter=[{"Name": "availability-zone", "Values": ["us-east-1b"]}])["Hosts"]], [typed],
      "host filter")
expect_error("InvalidParameterValue", ec2.allocate_hosts, AvailabilityZone="eu-west-1a", InstanceFamily="c5", Quantity=1)
expect_error("InvalidHostID.NotFound", ec2.describe_hosts, HostIds=["h-0123456789abcdef0"])
expect_error("InvalidHostID.Malformed", ec2.describe_hosts, HostIds=["host-1"])

# --- instances ----------------------------------------------------------------------------------
launched = run(ec2, linux, "c5.xlarge", MinCount=2, MaxCount=2, Placement={"Tenancy": "host", "HostId": hosts[0], "Affinity": "host"},
               CpuOptions={"CoreCount": 1, "ThreadsPerCore": 1})
equal(len(launched), 2, "two instances in one reservation")
first = launched[0]
check(re.match(r"^i-[0-9a-f]{17}$", first["InstanceId"]), "instance id")
equal((first["State"]["Name"], first["State"]["Code"], first["InstanceType"], first["Placement"]["Tenancy"], first["Placement"]["HostId"],
       first["Placement"]["Affinity"], first["CpuOptions"], first["PlatformDetails"], first["UsageOperation"]),
      ("pending", 0, "c5.xlarge", "host", hosts[0], "host", {"CoreCount": 1, "ThreadsPerCore": 1}, "Linux/UNIX", "RunInstances"),
      "launched instance")
check("UsageOperationUpdateTime" in first and "LaunchTime" in first, "usage operation update time and launch time")
win_instance = run(ec2, windows, "m5.large")[0]
equal((win_instance["PlatformDetails"], win_instance["UsageOperation"], win_instance.get("Platform"), win_instance["Placement"]["Tenancy"],
       win_instance["CpuOptions"]), ("Windows", "RunInstances:0002", "windows", "default", {"CoreCount": 1, "ThreadsPerCore": 2}),
      "windows instance with the type's CPU options")

reservation = ec2.describe_instances(InstanceIds=[i["InstanceId"] for i in launched])["Reservations"]
equal((len(reservation), len(reservation[0]["Instances"]), reservation[0]["Instances"][0]["State"]["Name"]), (1, 2, "running"),
      "one reservation, both running")
on_host = ec2.describe_instances(Filters=[{"Name": "host-id", "Values": [hosts[0]]}])["Reservations"]
equal(sorted(i["InstanceId"] for r in on_host for i in r["Instances"]), sorted(i["InstanceId"] for i in launched), "host-id filter")
host_view = ec2.describe_hosts(HostIds=[hosts[0]])["Hosts"][0]
equal(sorted(i["InstanceId"] for i in host_view["Instances"]), sorted(i["InstanceId"] for i in launched), "DescribeHosts shows its instances")
equal(host_view["AvailableCapacity"]["AvailableVCpus"], 96 - 8, "free vCPUs of the host")

# Paging of DescribeInstances.
page = ec2.describe_instances(MaxResults=5, Filters=[{"Name": "host-id", "Values": [hosts[0]]}])
check("NextToken" not in page, "one page when everything fits")

# DryRun both ways: it would succeed (412 DryRunOperation, nothing launched), or it would not (the real error).
before = len([i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]])
expect_error("DryRunOperation", ec2.run_instances, ImageId=linux, InstanceType="c5.large", MinCount=1, MaxCount=1, DryRun=True,
             status=412, contains="Request would have succeeded, but DryRun flag is set.")
expect_error("InvalidAMIID.NotFound", ec2.run_instances, ImageId="ami-0123456789abcdef0", MinCount=1, MaxCount=1, DryRun=True)
after = len([i for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]])
equal(after, before, "DryRun launched nothing")

# Refusals of RunInstances.
expect_error("InvalidAMIID.Malformed", run, ec2, "ami-12")
expect_error("InvalidParameterValue", run, ec2, linux, "c5.nonsense")
expect_error("InvalidParameterCombination", run, ec2, linux, Placement={"HostId": hosts[1], "Tenancy": "default"})
expect_error("InsufficientHostCapacity", run, ec2, linux, "c5.24xlarge", Placement={"Tenancy": "host", "HostId": hosts[0]})
expect_error("InvalidParameterValue", run, ec2, linux, "c5.large", CpuOptions={"CoreCount": 9, "ThreadsPerCore": 1}, contains="core count")

# --- stop, start, terminate; placement changes ------------------------------------------------
iid = launched[0]["InstanceId"]
expect_error("DryRunOperation", ec2.stop_instances, InstanceIds=[iid], DryRun=True, status=412)
equal(state_of(ec2, iid), "running", "a DryRun stop stops nothing")
stopping = ec2.stop_instances(InstanceIds=[iid])["StoppingInstances"][0]
equal((stopping["PreviousState"]["Name"], stopping["CurrentState"]["Name"]), ("running", "stopping"), "stop")
equal(state_of(ec2, iid), "stopped", "stopped")
expect_error("IncorrectInstanceState", ec2.modify_instance_placement, InstanceId=launched[1]["InstanceId"], HostId=hosts[1])
equal(ec2.modify_instance_placement(InstanceId=iid, HostId=hosts[1], Affinity="host")["Return"], True, "moved to the other host")
moved = ec2.describe_instances(InstanceIds=[iid])["Reservations"][0]["Instances"][0]["Placement"]
equal((moved["HostId"], moved["Affinity"], moved["Tenancy"]), (hosts[1], "host", "host"), "new placement")
ec2.modify_instance_placement(InstanceId=iid, HostResourceGroupArn="arn:aws:resource-groups:us-east-1:123456789012:group/hosts")
check(ec2.describe_instances(InstanceIds=[iid])["Reservations"][0]["Instances"][0]["Placement"]["HostResourceGroupArn"].endswith(":group/hosts"),
      "host resource group ARN kept")
expect_error("InvalidHostID.NotFound", ec2.modify_instance_placement, InstanceId=iid, HostId="h-0123456789abcdef0")
starting = ec2.start_instances(InstanceIds=[iid])["StartingInstances"][0]
equal((starting["PreviousState"]["Name"], starting["CurrentState"]["Name"]), ("stopped", "pending"), "start")
equal(state_of(ec2, iid), "running", "running again")
expect_error("InvalidInstanceID.NotFound", ec2.stop_instances, InstanceIds=["i-0123456789abcdef0"])
expect_error("InvalidInstanceID.Malformed", ec2.terminate_instances, InstanceIds=["instance-1"])

# ReleaseHosts refuses an occupied host and releases an empty one.
released = ec2.release_hosts(HostIds=[hosts[0], typed])
equal(released["Successful"], [typed], "the empty host is released")
equal([(u["ResourceId"], u["Error"]["Code"]) for u in released["Unsuccessful"]], [(hosts[0], "Client.InvalidHost.Occupied")],
      "the occupied host is refused")
terminating = ec2.terminate_instances(InstanceIds=[i["InstanceId"] for i in launched] + [win_instance["InstanceId"]])["TerminatingInstances"]
equal(sorted(t["CurrentState"]["Name"] for t in terminating), ["shutting-down"] * 3, "terminate")
equal(state_of(ec2, iid), "terminated", "terminated")
expect_error("IncorrectInstanceState", ec2.start_instances, InstanceIds=[iid])
equal(ec2.release_hosts(HostIds=hosts)["Successful"], hosts, "hosts free once their instances are gone")
equal(ec2.describe_hosts(HostIds=[typed])["Hosts"][0]["State"], "released", "released host")

# --- launch templates ---------------------------------------------------------------------------
template = ec2.create_launch_template(LaunchTemplateName=f"lt-{tag}", VersionDescription="v1",
                                      LaunchTemplateData={"ImageId": linux, "InstanceType": "c5.large"})["LaunchTemplate"]
check(re.match(r"^lt-[0-9a-f]{17}$", template["LaunchTemplateId"]), "template id")
equal((template["LaunchTemplateName"], template["DefaultVersionNumber"], template["LatestVersionNumber"]), (f"lt-{tag}", 1, 1), "template")
expect_error("InvalidLaunchTemplateName.AlreadyExistsException", ec2.create_launch_template, LaunchTemplateName=f"lt-{tag}",
             LaunchTemplateData={"ImageId": linux})
expect_error("DryRunOperation", ec2.create_launch_template, LaunchTemplateName=f"dry-{tag}", LaunchTemplateData={"ImageId": linux}, DryRun=True, status=412)
equal([t["LaunchTemplateId"] for t in ec2.describe_launch_templates(LaunchTemplateNames=[f"lt-{tag}"])["LaunchTemplates"]],
      [template["LaunchTemplateId"]], "by name")
equal([t["LaunchTemplateName"] for t in ec2.describe_launch_templates(Filters=[{"Name": "launch-template-name", "Values": [f"lt-{tag[:4]}*"]}])["LaunchTemplates"]],
      [f"lt-{tag}"], "by name filter")
expect_error("InvalidLaunchTemplateId.NotFound", ec2.describe_launch_templates, LaunchTemplateIds=["lt-0123456789abcdef0"])
from_template = ec2.run_instances(LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"], "Version": "$Latest"},
                                  MinCount=1, MaxCount=1)["Instances"][0]
equal((from_template["ImageId"], from_template["InstanceType"]), (linux, "c5.large"), "launched from the template")
expect_error("InvalidLaunchTemplateName.NotFoundException", ec2.run_instances, LaunchTemplate={"LaunchTemplateName": "nope"},
             MinCount=1, MaxCount=1)
ec2.terminate_instances(InstanceIds=[from_template["InstanceId"]])

# --- deregister -------------------------------------------------------------------------------
equal(ec2.deregister_image(ImageId=windows)["Return"], True, "deregister")
expect_error("InvalidAMIID.NotFound", ec2.describe_images, ImageIds=[windows])
expect_error("InvalidAMIID.NotFound", run, ec2, windows)
expect_error("InvalidAMIID.NotFound", ec2.deregister_image, ImageId=windows)
print("ok")
