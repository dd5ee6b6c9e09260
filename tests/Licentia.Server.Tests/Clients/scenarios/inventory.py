"""ListResourceInventory through boto3: EC2 instances and managed servers (registered through the agent's HTTP
protocol) of the caller's account and Region, every filter and condition, refusals, and keyset paging.
A second account (SECOND_* credentials) sees none of it."""
import datetime
import json
import os
import urllib.request

from lt import ENDPOINT, check, client, equal, expect_error

REGION = "us-east-1"
lm = client("license-manager", region=REGION)
ec2 = client("ec2", region=REGION)
ssm = client("ssm", region=REGION)
second = client("license-manager", region=REGION, aws_access_key_id=os.environ["SECOND_ACCESS_KEY_ID"],
                aws_secret_access_key=os.environ["SECOND_SECRET_ACCESS_KEY"])


def register(activation_id, code, platform_name, version):
    body = json.dumps({"ActivationId": activation_id, "ActivationCode": code, "Region": REGION, "ComputerName": platform_name,
                       "PlatformType": "Linux", "PlatformName": platform_name, "PlatformVersion": version,
                       "AgentVersion": "1.0.0", "IpAddress": "10.1.2.3"}).encode()
    req = urllib.request.Request(ENDPOINT + "/agent/register", data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read())


def ids(*filters, **kwargs):
    result = lm.list_resource_inventory(Filters=list(filters), **kwargs)
    return sorted(r["ResourceId"] for r in result["ResourceInventoryList"])


def f(name, condition, value):
    return {"Name": name, "Condition": condition, "Value": value}


equal(lm.list_resource_inventory()["ResourceInventoryList"], [], "nothing to list yet")

# --- EC2 instances: a Linux one and a Windows one with SQL Server Standard (license included) -------------------
linux_image = ec2.register_image(Name="linux")["ImageId"]
sql_image = ec2.register_image(Name="winsql", BillingProducts=["RunInstances:0006"])["ImageId"]
linux = ec2.run_instances(ImageId=linux_image, InstanceType="c5.large", MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
winsql = ec2.run_instances(ImageId=sql_image, InstanceType="m5.xlarge", MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
gone = ec2.run_instances(ImageId=linux_image, InstanceType="c5.large", MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
ec2.terminate_instances(InstanceIds=[gone])

# --- Managed servers: Ubuntu with MySQL, Debian with nginx (tagged by their activation) --------------------------
activation = ssm.create_activation(IamRole="SSMServiceRole", RegistrationLimit=5, Tags=[{"Key": "env", "Value": "prod"}])
ubuntu = register(activation["ActivationId"], activation["ActivationCode"], "Ubuntu", "22.04")["InstanceId"]
debian = register(activation["ActivationId"], activation["ActivationCode"], "Debian GNU/Linux", "12")["InstanceId"]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
ssm.put_inventory(InstanceId=ubuntu, Items=[{"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": [
    {"Name": "MySQL Server", "Version": "8.0.36", "Publisher": "Oracle"}, {"Name": "bash", "Version": "5.1"}]}])
ssm.put_inventory(InstanceId=debian, Items=[{"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": [
    {"Name": "nginx", "Version": "1.22"}, {"Name": "bash", "Version": "5.2"}]}])

everything = lm.list_resource_inventory()["ResourceInventoryList"]
by_id = {r["ResourceId"]: r for r in everything}
equal(sorted(by_id), sorted([linux, winsql, ubuntu, debian]), "instances and managed servers, without the terminated one")
account = by_id[linux]["ResourceOwningAccountId"]
equal({k: by_id[winsql].get(k) for k in ("ResourceType", "ResourceArn", "Platform", "AmiId", "InstanceType", "UsageOperation", "Region")},
      {"ResourceType": "EC2_INSTANCE", "ResourceArn": f"arn:aws:ec2:{REGION}:{account}:instance/{winsql}",
       "Platform": "Windows with SQL Server Standard", "AmiId": sql_image, "InstanceType": "m5.xlarge",
       "UsageOperation": "RunInstances:0006", "Region": REGION}, "an EC2 instance")
equal({k: by_id[ubuntu].get(k) for k in ("ResourceType", "ResourceArn", "Platform", "PlatformVersion", "ResourceOwningAccountId")},
      {"ResourceType": "SYSTEMS_MANAGER_MANAGED_INSTANCE", "ResourceArn": f"arn:aws:ssm:{REGION}:{account}:managed-instance/{ubuntu}",
       "Platform": "Ubuntu", "PlatformVersion": "22.04", "ResourceOwningAccountId": account}, "a managed server")

# --- every filter and condition ---------------------------------------------------------------------------------
equal(ids(f("resource_id", "EQUALS", ubuntu)), [ubuntu], "resource_id EQUALS")
equal(ids(f("resource_id", "NOT_EQUALS", ubuntu)), sorted([linux, winsql, debian]), "resource_id NOT_EQUALS")
equal(ids(f("account_id", "EQUALS", account)), sorted([linux, winsql, ubuntu, debian]), "account_id EQUALS")
equal(ids(f("account_id", "NOT_EQUALS", account)), [], "account_id NOT_EQUALS")
equal(ids(f("platform", "EQUALS", "Ubuntu")), [ubuntu], "platform EQUALS")
equal(ids(f("platform", "BEGINS_WITH", "Windows")), [winsql], "platform BEGINS_WITH")
equal(ids(f("application_name", "EQUALS", "nginx")), [debian], "application_name EQUALS")
equal(ids(f("application_name", "BEGINS_WITH", "MySQL")), [ubuntu], "application_name BEGINS_WITH")
equal(ids(f("application_name", "EQUALS", "bash")), sorted([ubuntu, debian]), "application_name on both servers")
equal(ids(f("license_included", "EQUALS", "sql-server-standard")), [winsql], "license_included EQUALS")
equal(ids(f("license_included", "EQUALS", "windows-server-datacenter")), [winsql], "license_included Windows")
equal(ids(f("license_included", "NOT_EQUALS", "sql-server-standard")), sorted([linux, ubuntu, debian]), "license_included NOT_EQUALS")
equal(ids(f("tag:env", "EQUALS", "prod")), sorted([ubuntu, debian]), "tag EQUALS")
equal(ids(f("tag:env", "NOT_EQUALS", "prod")), sorted([linux, winsql]), "tag NOT_EQUALS")
equal(ids(f("tag:env", "EQUALS", "prod"), f("application_name", "EQUALS", "nginx")), [debian], "filters are ANDed")
equal(ids(f("platform", "BEGINS_WITH", "Windows"), f("license_included", "EQUALS", "sql-server-standard")), [winsql], "two filters on an instance")
equal(ids(f("application_name", "BEGINS_WITH", "MySQL"), f("tag:env", "NOT_EQUALS", "dev")), [ubuntu], "a prefix and a NOT_EQUALS")
equal(ids(f("platform", "EQUALS", "ubuntu")), [], "values compare case-sensitively")
equal(ids(f("application_name", "BEGINS_WITH", "mysql")), [], "prefixes compare case-sensitively")
equal(ids(f("tag:ENV", "EQUALS", "prod")), [], "tag keys compare case-sensitively")

# --- refusals ---------------------------------------------------------------------------------------------------
expect_error("InvalidParameterValueException", lm.list_resource_inventory, Filters=[f("colour", "EQUALS", "red")], contains="colour")
expect_error("InvalidParameterValueException", lm.list_resource_inventory, Filters=[f("platform", "NOT_EQUALS", "Ubuntu")])
expect_error("InvalidParameterValueException", lm.list_resource_inventory, Filters=[f("resource_id", "CONTAINS", "i-")])
expect_error("InvalidParameterValueException", lm.list_resource_inventory, Filters=[f("application_name", "CONTAINS", "x")])
expect_error("InvalidParameterValueException", lm.list_resource_inventory, Filters=[f("license_included", "EQUALS", "oracle")])
expect_error("InvalidParameterValueException", lm.list_resource_inventory, NextToken="not-a-token")

# --- keyset paging, across instances and managed servers ---------------------------------------------------------
seen, token, pages = [], None, 0
while True:
    kwargs = {"MaxResults": 1}
    if token:
        kwargs["NextToken"] = token
    page = lm.list_resource_inventory(**kwargs)
    seen += [r["ResourceId"] for r in page["ResourceInventoryList"]]
    pages += 1
    token = page.get("NextToken")
    if not token:
        break
equal(seen, [linux, winsql, ubuntu, debian], "pages of one, instances first, in creation order")
equal(pages, 4, "four pages")
paged = [r["ResourceId"] for p in lm.get_paginator("list_resource_inventory").paginate(
    Filters=[f("tag:env", "EQUALS", "prod")], PaginationConfig={"PageSize": 1}) for r in p["ResourceInventoryList"]]
equal(paged, [ubuntu, debian], "boto3's paginator with a filter")
first = lm.list_resource_inventory(MaxResults=1)
expect_error("InvalidParameterValueException", lm.list_resource_inventory, MaxResults=1, NextToken=first["NextToken"],
             Filters=[f("platform", "EQUALS", "Ubuntu")])

# --- the search follows new inventory, deregistration and termination at once ------------------------------------
ssm.put_inventory(InstanceId=debian, Items=[{"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": [
    {"Name": "MySQL Server Community", "Version": "8.4"}, {"Name": "bash", "Version": "5.2"}]}])
equal(ids(f("application_name", "BEGINS_WITH", "MySQL")), sorted([ubuntu, debian]), "an installed application is found")
equal(ids(f("application_name", "EQUALS", "nginx")), [], "a removed application is not")
ssm.deregister_managed_instance(InstanceId=ubuntu)
equal(ids(f("application_name", "BEGINS_WITH", "MySQL")), [debian], "a deregistered server leaves the inventory")
equal(ids(f("platform", "EQUALS", "Ubuntu")), [], "and every filter")
ec2.terminate_instances(InstanceIds=[winsql])
equal(ids(f("license_included", "EQUALS", "sql-server-standard")), [], "a terminated instance leaves the inventory")

# --- another account sees nothing -------------------------------------------------------------------------------
equal(second.list_resource_inventory()["ResourceInventoryList"], [], "another account's inventory is empty")
print("inventory: ok")
