"""Automated discovery and managed servers as licensed resources through boto3: discovery associates a server whose
inventory matches a configuration's product information and counts its vCPUs; a hard limit refuses another (recorded
as a failure of AutomatedDiscovery); a discovered association cannot be removed by hand; a manual association of a
server counts its cores; deregistration releases at once; a server silent for 31 days (moved test clock) stops
consuming and consumes again after a report; with DisassociateWhenNotFound, uninstalling the software releases it.
The server runs discovery every second with the test clock on."""
import datetime
import json
import time
import urllib.request

from enforcement_lib import advance_clock
from lt import ENDPOINT, check, client, equal, expect_error, fail

REGION = "us-east-1"
ORACLE = "Oracle Database"
lm = client("license-manager", REGION)
ssm = client("ssm", REGION)


def register(activation, host):
    body = json.dumps({"ActivationId": activation["ActivationId"], "ActivationCode": activation["ActivationCode"], "Region": REGION,
                       "ComputerName": host, "PlatformType": "Linux", "PlatformName": "Debian GNU/Linux", "PlatformVersion": "12",
                       "AgentVersion": "1.0.0", "IpAddress": "10.1.2.3"}).encode()
    request = urllib.request.Request(ENDPOINT + "/agent/register", data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        node = json.loads(response.read())
    node["client"] = client("ssm", REGION, aws_access_key_id=node["AccessKeyId"], aws_secret_access_key=node["SecretAccessKey"])
    return node


def report(node, applications, cpus=4, cores=2, sockets=1):
    """The node reports with its own credentials (also its heartbeat): its packages and processors."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    node["client"].put_inventory(InstanceId=node["InstanceId"], Items=[
        {"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now,
         "Content": [{"Name": a, "Version": "1.0", "Publisher": "Example"} for a in applications]},
        {"TypeName": "AWS:InstanceDetailedInformation", "SchemaVersion": "1.0", "CaptureTime": now,
         "Content": [{"CPUs": str(cpus), "CPUCores": str(cores), "CPUSockets": str(sockets), "CPUModel": "Example CPU"}]}])


def wait_for(what, probe, timeout=30):
    """Polls until probe() returns something truthy; discovery runs every second, new inventory wakes it sooner."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def consumed(arn):
    return lm.get_license_configuration(LicenseConfigurationArn=arn)["ConsumedLicenses"]


def associated(arn):
    return [a["ResourceArn"] for a in lm.list_associations_for_license_configuration(LicenseConfigurationArn=arn)
            ["LicenseConfigurationAssociations"]]


def specification(arn):
    return [{"LicenseConfigurationArn": arn}]


activation = ssm.create_activation(IamRole="SSMServiceRole", RegistrationLimit=5)
a, b, c = register(activation, "db-1"), register(activation, "web-1"), register(activation, "app-1")
report(a, [ORACLE, "bash"], cpus=8)
report(b, ["nginx"], cpus=4)
report(c, ["bash"], cpus=12, cores=6, sockets=2)

# --- Discovery associates the matching server and counts its vCPUs --------------------------------------------------
oracle = lm.create_license_configuration(
    Name="oracle", LicenseCountingType="vCPU", LicenseCount=10, LicenseCountHardLimit=True, DisassociateWhenNotFound=True,
    ProductInformationList=[{"ResourceType": "SSM_MANAGED", "ProductInformationFilterList": [
        {"ProductInformationFilterName": "Application Name", "ProductInformationFilterValue": [ORACLE],
         "ProductInformationFilterComparator": "EQUALS"}]}])["LicenseConfigurationArn"]
wait_for("discovery to associate db-1", lambda: associated(oracle) == [a["InstanceArn"]])
association = lm.list_associations_for_license_configuration(LicenseConfigurationArn=oracle)["LicenseConfigurationAssociations"][0]
equal(association["ResourceType"], "SYSTEMS_MANAGER_MANAGED_INSTANCE", "a managed server's resource type")
wait_for("db-1 to consume", lambda: consumed(oracle) == 8)
got = lm.get_license_configuration(LicenseConfigurationArn=oracle)
equal(got["ConsumedLicenseSummaryList"], [{"ResourceType": "SYSTEMS_MANAGER_MANAGED_INSTANCE", "ConsumedLicenses": 8}], "consumed summary")
equal(got["ManagedResourceSummaryList"], [{"ResourceType": "SYSTEMS_MANAGER_MANAGED_INSTANCE", "AssociationCount": 1}], "managed summary")
check(isinstance(got["AutomatedDiscoveryInformation"]["LastRunTime"], datetime.datetime), "AutomatedDiscoveryInformation.LastRunTime is reported")
usage = lm.list_usage_for_license_configuration(LicenseConfigurationArn=oracle, Filters=[
    {"Name": "resourceType", "Values": ["SYSTEMS_MANAGER_MANAGED_INSTANCE"]}])["LicenseConfigurationUsageList"]
equal([(u["ResourceArn"], u["ResourceType"], u["ConsumedLicenses"]) for u in usage],
      [(a["InstanceArn"], "SYSTEMS_MANAGER_MANAGED_INSTANCE", 8)], "usage of the discovered server")
listed = lm.list_license_configurations(LicenseConfigurationArns=[oracle])["LicenseConfigurations"][0]
equal(listed["ConsumedLicenses"], 8, "ListLicenseConfigurations shows the consumption")
equal([s["LicenseConfigurationArn"] for s in lm.list_license_specifications_for_resource(ResourceArn=a["InstanceArn"])["LicenseSpecifications"]],
      [oracle], "the server's license specifications")

# --- A discovered association cannot be removed by hand ---------------------------------------------------------------
expect_error("InvalidParameterValueException", lm.update_license_specifications_for_resource, ResourceArn=a["InstanceArn"],
             RemoveLicenseSpecifications=specification(oracle), contains="automated discovery")
equal(associated(oracle), [a["InstanceArn"]], "still associated")

# --- A hard limit refuses the next match: recorded as a failure, nothing written ----------------------------------
report(b, ["nginx", ORACLE], cpus=4)
refusal = wait_for("the refusal of web-1", lambda: [f for f in lm.list_failures_for_license_configuration_operations(
    LicenseConfigurationArn=oracle)["LicenseOperationFailureList"] if f["ResourceArn"] == b["InstanceArn"]])
equal((refusal[0]["OperationName"], refusal[0]["ResourceType"]), ("AutomatedDiscovery", "SYSTEMS_MANAGER_MANAGED_INSTANCE"), "the failure")
check("hard limit of 10" in refusal[0]["ErrorMessage"], refusal[0]["ErrorMessage"])
equal((associated(oracle), consumed(oracle)), ([a["InstanceArn"]], 8), "the refused server is neither associated nor counted")

# --- Manual association of a server: Core counting counts its physical cores; a hard limit refuses ---------------------
cores = lm.create_license_configuration(Name="cores", LicenseCountingType="Core", LicenseRules=["#maximumCores=8"])["LicenseConfigurationArn"]
small = lm.create_license_configuration(Name="small", LicenseCountingType="Core", LicenseCount=4,
                                        LicenseCountHardLimit=True)["LicenseConfigurationArn"]
lm.update_license_specifications_for_resource(ResourceArn=c["InstanceArn"], AddLicenseSpecifications=specification(cores))
equal(consumed(cores), 6, "app-1 counts its 6 physical cores")
expect_error("LicenseUsageException", lm.update_license_specifications_for_resource, ResourceArn=c["InstanceArn"],
             AddLicenseSpecifications=specification(small), contains="hard limit of 4")
equal(associated(small), [], "the refused association was not written")
expect_error("InvalidParameterValueException", lm.update_license_specifications_for_resource,
             ResourceArn=c["InstanceArn"].replace(c["InstanceId"], "mi-0000000000000dead"), AddLicenseSpecifications=specification(cores),
             contains="no managed server")
expect_error("InvalidParameterValueException", lm.update_license_specifications_for_resource,
             ResourceArn=f"arn:aws:ssm:{REGION}:123456789012:managed-instance/mi-zz", AddLicenseSpecifications=specification(cores))

# --- Deregistration releases everything at once ---------------------------------------------------------------------
ssm.deregister_managed_instance(InstanceId=c["InstanceId"])
equal((associated(cores), consumed(cores)), ([], 0), "a deregistered server's associations and licenses are gone at once")

# --- Freshness: 31 silent days stop the counting; a report brings it back ------------------------------------------
advance_clock(31 * 86400)
wait_for("the silent server to stop consuming", lambda: consumed(oracle) == 0)
check(a["InstanceArn"] in associated(oracle), "an inactive server stays associated")
# With db-1 no longer counting there is room under the hard limit: discovery associates web-1 now (silent too, so it counts 0).
wait_for("web-1 to be associated once there is room", lambda: b["InstanceArn"] in associated(oracle))
equal(consumed(oracle), 0, "silent servers count nothing")
report(a, [ORACLE, "bash"], cpus=8)
wait_for("the reporting server to consume again", lambda: consumed(oracle) == 8)

# --- Uninstalled: with DisassociateWhenNotFound discovery removes its association and releases -----------------------
report(a, ["bash"], cpus=8)
wait_for("discovery to release db-1", lambda: associated(oracle) == [b["InstanceArn"]] and consumed(oracle) == 0)
