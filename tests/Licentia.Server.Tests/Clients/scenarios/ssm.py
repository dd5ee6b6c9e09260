"""Systems Manager hybrid activations, managed nodes and inventory through boto3: every operation, the agent's
registration endpoint, a node's own credentials (limited to itself and to SSM), and each refusal with SSM's code.
A second account (SECOND_* credentials) must see none of it."""
import datetime
import json
import os
import urllib.error
import urllib.request

from lt import ENDPOINT, check, client, equal, expect_error, fail, raw_client

REGION = "us-east-1"
ssm = client("ssm", region=REGION)
raw = raw_client("ssm", region=REGION)
second = client("ssm", region=REGION, aws_access_key_id=os.environ["SECOND_ACCESS_KEY_ID"],
                aws_secret_access_key=os.environ["SECOND_SECRET_ACCESS_KEY"])


def register(activation_id, code, region=REGION, host="host-1"):
    body = json.dumps({"ActivationId": activation_id, "ActivationCode": code, "Region": region, "ComputerName": host,
                       "PlatformType": "Linux", "PlatformName": "Debian GNU/Linux", "PlatformVersion": "12",
                       "AgentVersion": "1.0.0", "IpAddress": "10.1.2.3"}).encode()
    req = urllib.request.Request(ENDPOINT + "/agent/register", data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def expect_refused(code, status_and_body):
    status, body = status_and_body
    equal((status, body.get("__type")), (400, code), f"registration refused with {code}: {body}")
    check(body.get("message"), "a refusal has a message")


# --- CreateActivation ------------------------------------------------------------------------------------------
created = ssm.create_activation(IamRole="SSMServiceRole", Description="rack 7", DefaultInstanceName="web",
                                RegistrationLimit=2, Tags=[{"Key": "env", "Value": "prod"}])
activation_id, code = created["ActivationId"], created["ActivationCode"]
check(len(code) >= 20, "activation code is at least 20 characters")
expect_error("InvalidParameters", ssm.create_activation, IamRole="r", RegistrationLimit=1,
             ExpirationDate=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=31), contains="30 days")
expect_error("InvalidParameters", ssm.create_activation, IamRole="r",
             ExpirationDate=datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5))
expect_error("ValidationException", raw.create_activation, IamRole="r", RegistrationLimit=0)
short = ssm.create_activation(IamRole="OtherRole",
                              ExpirationDate=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30))

# --- DescribeActivations: the code never comes back; Expired and RegistrationsCount are derived ------------------
listed = ssm.describe_activations(Filters=[{"FilterKey": "ActivationIds", "FilterValues": [activation_id]}])["ActivationList"]
one = listed[0]
equal((len(listed), one["ActivationId"], one["Description"], one["DefaultInstanceName"], one["IamRole"], one["RegistrationLimit"],
       one["RegistrationsCount"], one["Expired"], one["Tags"]),
      (1, activation_id, "rack 7", "web", "SSMServiceRole", 2, 0, False, [{"Key": "env", "Value": "prod"}]), "described activation")
lifetime = one["ExpirationDate"] - one["CreatedDate"]
check(abs(lifetime.total_seconds() - 86400) < 5, f"expiry defaults to 24 hours, not {lifetime}")
check(code not in json.dumps(listed, default=str), "the activation code is never returned again")
equal([a["ActivationId"] for a in ssm.describe_activations(
    Filters=[{"FilterKey": "IamRole", "FilterValues": ["OtherRole"]}])["ActivationList"]], [short["ActivationId"]], "filter by IamRole")
page = ssm.describe_activations(MaxResults=1)
check(len(page["ActivationList"]) == 1 and "NextToken" in page, "first page of one")
rest = ssm.describe_activations(MaxResults=1, NextToken=page["NextToken"])
check(rest["ActivationList"][0]["ActivationId"] != page["ActivationList"][0]["ActivationId"], "second page moves on")
expect_error("InvalidNextToken", ssm.describe_activations, NextToken="not-a-token")
expect_error("ValidationException", raw.describe_activations, Filters=[{"FilterKey": "Colour", "FilterValues": ["x"]}])
equal(second.describe_activations()["ActivationList"], [], "another account sees no activations")

# --- Registration (agent protocol): wrong code, unknown id, limit ----------------------------------------------
expect_refused("InvalidActivation", register(activation_id, "x" * 20))
expect_refused("InvalidActivation", register("00000000-0000-4000-8000-000000000000", code))
expect_refused("InvalidActivation", register(activation_id, code, region="eu-west-1"))
status, node = register(activation_id, code)
equal(status, 200, f"registration: {node}")
instance_id = node["InstanceId"]
check(instance_id.startswith("mi-") and len(instance_id) == 20, f"managed instance id {instance_id}")
account = node["InstanceArn"].split(":")[4]
equal(node["InstanceArn"], f"arn:aws:ssm:{REGION}:{account}:managed-instance/{instance_id}", "managed instance ARN")
status, node2 = register(activation_id, code, host="host-2")
equal(status, 200, "second registration within the limit")
expect_refused("RegistrationLimitExceeded", register(activation_id, code, host="host-3"))
equal(ssm.describe_activations(Filters=[{"FilterKey": "ActivationIds", "FilterValues": [activation_id]}])
      ["ActivationList"][0]["RegistrationsCount"], 2, "RegistrationsCount counts registrations")

# --- DescribeInstanceInformation -------------------------------------------------------------------------------
info = ssm.describe_instance_information(InstanceInformationFilterList=[{"key": "InstanceIds", "valueSet": [instance_id]}])
item = info["InstanceInformationList"][0]
equal((item["InstanceId"], item["PingStatus"], item["ResourceType"], item["ActivationId"], item["IamRole"], item["Name"],
       item["ComputerName"], item["IPAddress"], item["PlatformType"], item["PlatformName"], item["PlatformVersion"], item["AgentVersion"]),
      (instance_id, "Online", "ManagedInstance", activation_id, "SSMServiceRole", "web", "host-1", "10.1.2.3", "Linux",
       "Debian GNU/Linux", "12", "1.0.0"), "instance information")
check(isinstance(item["RegistrationDate"], datetime.datetime) and isinstance(item["LastPingDateTime"], datetime.datetime), "dates")
equal(len(ssm.describe_instance_information(Filters=[{"Key": "PingStatus", "Values": ["Online"]},
                                                     {"Key": "ActivationIds", "Values": [activation_id]}])["InstanceInformationList"]),
      2, "both nodes are Online")
equal(ssm.describe_instance_information(Filters=[{"Key": "PingStatus", "Values": ["ConnectionLost"]}])["InstanceInformationList"], [],
      "nobody has lost the connection")
equal(ssm.describe_instance_information(Filters=[{"Key": "ResourceType", "Values": ["EC2Instance"]}])["InstanceInformationList"], [],
      "no EC2 instances")
equal(len(ssm.describe_instance_information(Filters=[{"Key": "tag:env", "Values": ["prod"]}])["InstanceInformationList"]), 2,
      "nodes carry their activation's tags")
equal(ssm.describe_instance_information(Filters=[{"Key": "tag:env", "Values": ["dev"]}])["InstanceInformationList"], [], "tag value")
equal(len(ssm.describe_instance_information(MaxResults=5, Filters=[{"Key": "tag-key", "Values": ["env", "team"]}])["InstanceInformationList"]), 2,
      "tag-key")
expect_error("InvalidFilterKey", ssm.describe_instance_information, Filters=[{"Key": "tag:", "Values": ["x"]}])
first = ssm.describe_instance_information(MaxResults=5, Filters=[{"Key": "PlatformTypes", "Values": ["Linux"]}])
equal(len(first["InstanceInformationList"]), 2, "platform filter")
expect_error("InvalidFilterKey", ssm.describe_instance_information, Filters=[{"Key": "Colour", "Values": ["red"]}])
expect_error("InvalidInstanceInformationFilterValue", ssm.describe_instance_information,
             Filters=[{"Key": "PingStatus", "Values": ["Sleeping"]}])
expect_error("InvalidInstanceId", ssm.describe_instance_information,
             InstanceInformationFilterList=[{"key": "InstanceIds", "valueSet": ["mi-zz"]}])
expect_error("InvalidNextToken", ssm.describe_instance_information, NextToken="forged")
equal(second.describe_instance_information()["InstanceInformationList"], [], "another account sees no nodes")

# --- PutInventory: schema checks, content hash, custom types ----------------------------------------------------
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
apps = [{"Name": "bash", "Version": "5.2.15", "Publisher": "Debian", "Architecture": "amd64"},
        {"Name": "openssl", "Version": "3.0.11", "Publisher": "Debian", "Architecture": "amd64"},
        {"Name": "postgresql-15", "Version": "15.4", "Publisher": "Debian", "Architecture": "amd64"}]
ssm.put_inventory(InstanceId=instance_id, Items=[
    {"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": apps},
    {"TypeName": "Custom:RackInfo", "SchemaVersion": "1.0", "CaptureTime": now, "Content": [{"Rack": "7", "Slot": "12"}],
     "Context": {"source": "cmdb"}}])
ssm.put_inventory(InstanceId=node2["InstanceId"], Items=[
    {"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": apps[:1]}])
expect_error("InvalidInstanceId", ssm.put_inventory, InstanceId="mi-00000000000000000",
             Items=[{"TypeName": "Custom:A", "SchemaVersion": "1.0", "CaptureTime": now, "Content": []}])
expect_error("InvalidInstanceId", second.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": "Custom:A", "SchemaVersion": "1.0", "CaptureTime": now, "Content": []}])
expect_error("InvalidTypeNameException", ssm.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": "AWS:NoSuchType", "SchemaVersion": "1.0", "CaptureTime": now, "Content": []}])
expect_error("UnsupportedInventorySchemaVersionException", ssm.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": "AWS:Application", "SchemaVersion": "9.0", "CaptureTime": now, "Content": []}])
expect_error("InvalidItemContentException", ssm.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": [{"Colour": "red"}]}])
expect_error("UnsupportedInventoryItemContextException", ssm.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": now, "Content": [],
                     "Context": {"a": "b"}}])
expect_error("ValidationException", raw.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": "AWS:Application", "SchemaVersion": "1.1", "CaptureTime": "yesterday", "Content": []}])
expect_error("CustomSchemaCountLimitExceededException", ssm.put_inventory, InstanceId=instance_id,
             Items=[{"TypeName": f"Custom:T{i}", "SchemaVersion": "1.0", "CaptureTime": now, "Content": [{"A": "1"}]} for i in range(20)])

# --- ListInventoryEntries ------------------------------------------------------------------------------------------
entries = ssm.list_inventory_entries(InstanceId=instance_id, TypeName="AWS:Application")
equal((entries["InstanceId"], entries["TypeName"], entries["SchemaVersion"], entries["CaptureTime"], entries["Entries"]),
      (instance_id, "AWS:Application", "1.1", now, apps), "inventory entries")
equal([e["Name"] for e in ssm.list_inventory_entries(InstanceId=instance_id, TypeName="AWS:Application",
      Filters=[{"Key": "AWS:Application.Name", "Values": ["post"], "Type": "BeginWith"}])["Entries"]], ["postgresql-15"], "BeginWith")
paged = ssm.list_inventory_entries(InstanceId=instance_id, TypeName="AWS:Application", MaxResults=2)
check(len(paged["Entries"]) == 2 and "NextToken" in paged, "entries page of two")
tail = ssm.list_inventory_entries(InstanceId=instance_id, TypeName="AWS:Application", MaxResults=2, NextToken=paged["NextToken"])
equal([e["Name"] for e in tail["Entries"]], ["postgresql-15"], "last entries page")
check("NextToken" not in tail, "no token after the last page")
equal(ssm.list_inventory_entries(InstanceId=instance_id, TypeName="Custom:RackInfo")["Entries"], [{"Rack": "7", "Slot": "12"}], "custom")
equal(ssm.list_inventory_entries(InstanceId=instance_id, TypeName="Custom:Nothing")["Entries"], [], "a type never put is empty")
expect_error("InvalidInstanceId", ssm.list_inventory_entries, InstanceId="mi-00000000000000000", TypeName="AWS:Application")
expect_error("InvalidTypeNameException", ssm.list_inventory_entries, InstanceId=instance_id, TypeName="AWS:Nope")
expect_error("InvalidFilter", ssm.list_inventory_entries, InstanceId=instance_id, TypeName="AWS:Application",
             Filters=[{"Key": "AWS:Application.Colour", "Values": ["x"]}])

# --- GetInventory ---------------------------------------------------------------------------------------------------
all_nodes = ssm.get_inventory()["Entities"]
equal(sorted(e["Id"] for e in all_nodes), sorted([instance_id, node2["InstanceId"]]), "every node, with AWS:InstanceInformation")
check(all("AWS:InstanceInformation" in e["Data"] for e in all_nodes), "default result type")
with_openssl = ssm.get_inventory(Filters=[{"Key": "AWS:Application.Name", "Values": ["openssl"], "Type": "Equal"}],
                                 ResultAttributes=[{"TypeName": "AWS:Application"}])["Entities"]
equal([e["Id"] for e in with_openssl], [instance_id], "GetInventory by installed application")
equal(with_openssl[0]["Data"]["AWS:Application"]["Content"], apps, "result entity content")
equal([e["Id"] for e in ssm.get_inventory(Filters=[
    {"Key": "AWS:InstanceInformation.ComputerName", "Values": ["host-2"], "Type": "Equal"}])["Entities"]], [node2["InstanceId"]],
      "filter on AWS:InstanceInformation")
equal([e["Id"] for e in ssm.get_inventory(Filters=[
    {"Key": "AWS:Application.Name", "Values": ["bash"], "Type": "NotEqual"}])["Entities"]], [instance_id],
      "NotEqual: some application other than bash")
equal(ssm.get_inventory(Filters=[{"Key": "Custom:RackInfo.Rack", "Values": ["7"], "Type": "GreaterThan"}])["Entities"], [],
      "GreaterThan is strict")
one_page = ssm.get_inventory(MaxResults=1)
check(len(one_page["Entities"]) == 1 and "NextToken" in one_page, "GetInventory pages")
equal(len(ssm.get_inventory(MaxResults=1, NextToken=one_page["NextToken"])["Entities"]), 1, "second GetInventory page")
expect_error("InvalidFilter", ssm.get_inventory, Filters=[{"Key": "NoDot", "Values": ["x"]}])
expect_error("InvalidResultAttributeException", ssm.get_inventory, ResultAttributes=[{"TypeName": "AWS:Nope"}])
expect_error("InvalidNextToken", ssm.get_inventory, NextToken="forged")

# --- GetInventory with Aggregators: counts of nodes, not nodes ----------------------------------------------------
by_name = ssm.get_inventory(Aggregators=[{"Expression": "AWS:Application.Name"}])
equal(len(by_name["Entities"]), 1, "one entity per aggregator")
check("NextToken" not in by_name, "an aggregation is answered whole")
equal(by_name["Entities"][0]["Data"]["AWS:Application"]["Content"],
      [{"Name": "bash", "Count": "2"}, {"Name": "openssl", "Count": "1"}, {"Name": "postgresql-15", "Count": "1"}],
      "nodes per application, most common first")
nested = ssm.get_inventory(Aggregators=[{"Expression": "AWS:Application.Name",
                                         "Aggregators": [{"Expression": "AWS:Application.Version"}]}])
check({"Name": "postgresql-15", "Version": "15.4", "Count": "1"} in nested["Entities"][0]["Data"]["AWS:Application"]["Content"],
      "nested aggregator: name with its own version")
filtered = ssm.get_inventory(Filters=[{"Key": "AWS:Application.Name", "Values": ["openssl"], "Type": "Equal"}],
                             Aggregators=[{"Expression": "AWS:Application.Name"}])
equal(filtered["Entities"][0]["Data"]["AWS:Application"]["Content"][0], {"Name": "bash", "Count": "1"},
      "filters choose the nodes that are counted")
groups = ssm.get_inventory(Aggregators=[{"Groups": [
    {"Name": "WithOpenssl", "Filters": [{"Key": "AWS:Application.Name", "Values": ["openssl"], "Type": "Equal"}]},
    {"Name": "Racked", "Filters": [{"Key": "TypeName", "Values": ["Custom:RackInfo"], "Type": "Exists"}]}]}])["Entities"]
equal(groups[0]["Data"]["WithOpenssl"]["Content"], [{"notMatchingCount": "1"}, {"matchingCount": "1"}], "group counts")
equal(groups[0]["Data"]["Racked"]["Content"], [{"notMatchingCount": "1"}, {"matchingCount": "1"}], "TypeName group")
expect_error("InvalidAggregatorException", ssm.get_inventory, Aggregators=[{"Expression": "AWS:Application.Colour"}])
expect_error("InvalidAggregatorException", ssm.get_inventory, Aggregators=[{"Aggregators": [{"Expression": "AWS:Application.Name"}]}])
expect_error("InvalidInventoryGroupException", ssm.get_inventory, Aggregators=[{"Groups": [
    {"Name": "g", "Filters": [{"Key": "TypeName", "Values": ["AWS:Application"], "Type": "Exists"}]},
    {"Name": "g", "Filters": [{"Key": "TypeName", "Values": ["AWS:Network"], "Type": "Exists"}]}]}])
equal(second.get_inventory()["Entities"], [], "another account sees no inventory")

# --- A node's own credentials: only itself, only SSM, in its Region -------------------------------------------------
mine = client("ssm", region=REGION, aws_access_key_id=node["AccessKeyId"], aws_secret_access_key=node["SecretAccessKey"])
mine.put_inventory(InstanceId=instance_id, Items=[
    {"TypeName": "Custom:RackInfo", "SchemaVersion": "1.0", "CaptureTime": now, "Content": [{"Rack": "7", "Slot": "12"}]}])
equal([i["InstanceId"] for i in mine.describe_instance_information()["InstanceInformationList"]], [instance_id], "a node sees itself")
equal(len(mine.list_inventory_entries(InstanceId=instance_id, TypeName="AWS:Application")["Entries"]), 3, "a node reads its inventory")
expect_error("AccessDeniedException", mine.put_inventory, InstanceId=node2["InstanceId"],
             Items=[{"TypeName": "Custom:A", "SchemaVersion": "1.0", "CaptureTime": now, "Content": []}])
expect_error("AccessDeniedException", mine.list_inventory_entries, InstanceId=node2["InstanceId"], TypeName="AWS:Application")
expect_error("AccessDeniedException", mine.create_activation, IamRole="r")
expect_error("AccessDeniedException", mine.describe_activations)
expect_error("AccessDeniedException", mine.get_inventory)
expect_error("AccessDeniedException", mine.deregister_managed_instance, InstanceId=node2["InstanceId"])
expect_error("AccessDeniedException", mine.delete_activation, ActivationId=activation_id)
elsewhere = client("ssm", region="eu-west-1", aws_access_key_id=node["AccessKeyId"], aws_secret_access_key=node["SecretAccessKey"])
expect_error("AccessDeniedException", elsewhere.describe_instance_information)
lm = client("license-manager", region=REGION, aws_access_key_id=node["AccessKeyId"], aws_secret_access_key=node["SecretAccessKey"])
expect_error("AccessDeniedException", lm.list_license_configurations, status=403)

# --- DeregisterManagedInstance: the node's credentials stop working at once -----------------------------------------
expect_error("InvalidInstanceId", ssm.deregister_managed_instance, InstanceId="mi-00000000000000000")
expect_error("InvalidInstanceId", second.deregister_managed_instance, InstanceId=instance_id)
ssm.deregister_managed_instance(InstanceId=instance_id)
expect_error("UnrecognizedClientException", mine.describe_instance_information, status=400)
expect_error("InvalidInstanceId", ssm.list_inventory_entries, InstanceId=instance_id, TypeName="AWS:Application")
equal([i["InstanceId"] for i in ssm.describe_instance_information()["InstanceInformationList"]], [node2["InstanceId"]],
      "the deregistered node is gone")
equal(ssm.describe_activations(Filters=[{"FilterKey": "ActivationIds", "FilterValues": [activation_id]}])
      ["ActivationList"][0]["RegistrationsCount"], 2, "deregistering does not give a registration back")

# --- DeleteActivation ----------------------------------------------------------------------------------------------
ssm.delete_activation(ActivationId=activation_id)
expect_error("InvalidActivationId", ssm.delete_activation, ActivationId=activation_id)
expect_error("InvalidActivationId", second.delete_activation, ActivationId=short["ActivationId"])
expect_error("ValidationException", raw.delete_activation, ActivationId="not-an-id")
expect_refused("InvalidActivation", register(activation_id, code))
equal([i["InstanceId"] for i in ssm.describe_instance_information()["InstanceInformationList"]], [node2["InstanceId"]],
      "deleting the activation keeps its nodes")
print("ssm scenario passed")
