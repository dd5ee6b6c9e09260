"""License configurations through boto3: the whole lifecycle, filters, paging and every refusal."""
import re

from lt import check, client, equal, expect_error, raw_client

lm = client(region="us-east-1")
raw = raw_client(region="us-east-1")
ARN = re.compile(r"^arn:aws:license-manager:us-east-1:(\d{12}):license-configuration:lic-[0-9a-f]{32}$")

# --- create and read back -------------------------------------------------------------------
arn = lm.create_license_configuration(
    Name="sql-ent", Description="SQL Server Enterprise", LicenseCountingType="Core", LicenseCount=96,
    LicenseCountHardLimit=True,
    LicenseRules=["#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost"],
    Tags=[{"Key": "team", "Value": "data"}],
)["LicenseConfigurationArn"]
match = ARN.match(arn)
check(match, f"ARN {arn} has the documented form")
account = match.group(1)

got = lm.get_license_configuration(LicenseConfigurationArn=arn)
equal(got["LicenseConfigurationArn"], arn, "arn")
equal(got["LicenseConfigurationId"], arn.split(":")[-1], "id")
equal(got["Name"], "sql-ent", "name")
equal(got["Description"], "SQL Server Enterprise", "description")
equal(got["LicenseCountingType"], "Core", "counting type")
equal(got["LicenseCount"], 96, "count")
equal(got["LicenseCountHardLimit"], True, "hard limit")
equal(got["LicenseRules"], ["#minimumCores=8", "#maximumCores=16", "#allowedTenancy=EC2-DedicatedHost"], "rules")
equal(got["Status"], "AVAILABLE", "status")
equal(got["OwnerAccountId"], account, "owner")
equal(got["ConsumedLicenses"], 0, "consumed")
equal(got["Tags"], [{"Key": "team", "Value": "data"}], "tags")

# --- more configurations, filters -----------------------------------------------------------
vcpu = lm.create_license_configuration(Name="win", LicenseCountingType="vCPU", LicenseCount=10,
                                       LicenseRules=["#honorVcpuOptimization=True"])["LicenseConfigurationArn"]
inst = lm.create_license_configuration(Name="rhel", LicenseCountingType="Instance")["LicenseConfigurationArn"]
sock = lm.create_license_configuration(Name="vmw", LicenseCountingType="Socket", LicenseCount=4, LicenseCountHardLimit=True,
                                       LicenseRules=["#licenseAffinityToHost=90"])["LicenseConfigurationArn"]


def names(**kwargs):
    return [c["Name"] for c in lm.list_license_configurations(**kwargs)["LicenseConfigurations"]]


equal(names(), ["sql-ent", "win", "rhel", "vmw"], "list in creation order")
equal(names(Filters=[{"Name": "licenseCountingType", "Values": ["Core"]}]), ["sql-ent"], "filter by counting type")
equal(names(Filters=[{"Name": "licenseCountingType", "Values": ["Core", "Socket"]}]), ["sql-ent", "vmw"], "filter by two counting types")
equal(names(Filters=[{"Name": "enforceLicenseCount", "Values": ["true"]}]), ["sql-ent", "vmw"], "filter by hard limit")
equal(names(Filters=[{"Name": "enforceLicenseCount", "Values": ["false"]}]), ["win", "rhel"], "filter by soft limit")
equal(names(Filters=[{"Name": "usagelimitExceeded", "Values": ["false"]}]), ["sql-ent", "win", "rhel", "vmw"], "not over limit")
equal(names(Filters=[{"Name": "usagelimitExceeded", "Values": ["true"]}]), [], "over limit")
equal(names(LicenseConfigurationArns=[vcpu, sock]), ["win", "vmw"], "by ARN list")
equal(names(LicenseConfigurationArns=[vcpu], Filters=[{"Name": "licenseCountingType", "Values": ["Core"]}]), [], "ARNs and filters together")
expect_error("InvalidParameterValueException", lm.list_license_configurations,
             Filters=[{"Name": "colour", "Values": ["blue"]}], contains="colour")
expect_error("InvalidParameterValueException", lm.list_license_configurations,
             Filters=[{"Name": "licenseCountingType", "Values": ["Cores"]}], contains="Cores")

# --- paging with keyset tokens --------------------------------------------------------------
for i in range(7):
    lm.create_license_configuration(Name=f"bulk-{i}", LicenseCountingType="vCPU")
seen, token, pages = [], None, 0
while True:
    args = {"MaxResults": 3}
    if token:
        args["NextToken"] = token
    page = lm.list_license_configurations(**args)
    check(len(page["LicenseConfigurations"]) <= 3, "a page holds at most MaxResults items")
    seen += [c["Name"] for c in page["LicenseConfigurations"]]
    pages += 1
    token = page.get("NextToken")
    if not token:
        break
equal(len(seen), 11, "paging returns every configuration")
equal(len(set(seen)), 11, "paging returns no configuration twice")
equal(pages, 4, "11 configurations in pages of 3")
paginated = [c["Name"] for p in lm.get_paginator("list_license_configurations").paginate(PaginationConfig={"PageSize": 2})
             for c in p["LicenseConfigurations"]]
equal(paginated, seen, "boto3's paginator walks the same list")
first = lm.list_license_configurations(MaxResults=2)
expect_error("InvalidParameterValueException", lm.list_license_configurations, MaxResults=2,
             NextToken=first["NextToken"][:-4] + "AAAA", contains="NextToken")
expect_error("InvalidParameterValueException", lm.list_license_configurations, MaxResults=2,
             NextToken=first["NextToken"], Filters=[{"Name": "licenseCountingType", "Values": ["vCPU"]}], contains="NextToken")

# --- update: only what is given changes -----------------------------------------------------
lm.update_license_configuration(LicenseConfigurationArn=arn, Name="sql-ent-2", LicenseCount=128)
got = lm.get_license_configuration(LicenseConfigurationArn=arn)
equal((got["Name"], got["LicenseCount"], got["Description"], got["LicenseCountHardLimit"]),
      ("sql-ent-2", 128, "SQL Server Enterprise", True), "partial update")
equal(len(got["LicenseRules"]), 3, "rules untouched by a partial update")
lm.update_license_configuration(LicenseConfigurationArn=arn, LicenseConfigurationStatus="DISABLED",
                                LicenseCountHardLimit=False, LicenseRules=["#minimumCores=4"],
                                Description="changed", DisassociateWhenNotFound=True)
got = lm.get_license_configuration(LicenseConfigurationArn=arn)
equal(got["Status"], "DISABLED", "disabled")
equal(got["LicenseCountHardLimit"], False, "soft limit now")
equal(got["LicenseRules"], ["#minimumCores=4"], "rules replaced")
equal(got["DisassociateWhenNotFound"], True, "disassociate when not found")
equal(names(Filters=[{"Name": "enforceLicenseCount", "Values": ["true"]}]), ["vmw"], "filters see the update")
lm.update_license_configuration(LicenseConfigurationArn=arn, LicenseConfigurationStatus="AVAILABLE")
equal(lm.get_license_configuration(LicenseConfigurationArn=arn)["Status"], "AVAILABLE", "enabled again")

# --- product information --------------------------------------------------------------------
ssm = lm.create_license_configuration(
    Name="discovered", LicenseCountingType="Instance",
    ProductInformationList=[{"ResourceType": "SSM_MANAGED", "ProductInformationFilterList": [
        {"ProductInformationFilterName": "Application Name", "ProductInformationFilterValue": ["nginx"],
         "ProductInformationFilterComparator": "EQUALS"}]}])["LicenseConfigurationArn"]
got = lm.get_license_configuration(LicenseConfigurationArn=ssm)
equal(got["ProductInformationList"][0]["ResourceType"], "SSM_MANAGED", "product information stored")
equal(got["ProductInformationList"][0]["ProductInformationFilterList"][0]["ProductInformationFilterValue"], ["nginx"], "filter value")

# --- refusals: each changes nothing ---------------------------------------------------------
before = len(lm.list_license_configurations()["LicenseConfigurations"])
expect_error("InvalidParameterValueException", raw.create_license_configuration, LicenseCountingType="Core", contains="name")
expect_error("InvalidParameterValueException", raw.create_license_configuration, Name="x", LicenseCountingType="Cores",
             contains="licenseCountingType")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="vCPU",
             LicenseRules=["#minimumCores=8"], contains="minimumCores")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             LicenseRules=["#minimumCores=16", "#maximumCores=8"], contains="minimumCores")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="vCPU",
             LicenseRules=["#licenseAffinityToHost=30"], contains="licenseAffinityToHost")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             LicenseRules=["#licenseAffinityToHost=181"], contains="licenseAffinityToHost")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             LicenseRules=["#allowedTenancy=EC2-Shared"], contains="allowedTenancy")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             LicenseRules=["#honorVcpuOptimization=True"], contains="honorVcpuOptimization")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             LicenseRules=["minimumCores 8"])
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             LicenseCount=-1)
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Core",
             Tags=[{"Key": "aws:owner", "Value": "me"}], contains="aws:")
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="ora", LicenseCountingType="vCPU",
             LicenseCountHardLimit=True,
             ProductInformationList=[{"ResourceType": "RDS", "ProductInformationFilterList": [
                 {"ProductInformationFilterName": "Engine Edition", "ProductInformationFilterValue": ["oracle-ee"],
                  "ProductInformationFilterComparator": "EQUALS"}]}])
expect_error("InvalidParameterValueException", lm.create_license_configuration, Name="x", LicenseCountingType="Instance",
             ProductInformationList=[{"ResourceType": "SSM_MANAGED", "ProductInformationFilterList": [
                 {"ProductInformationFilterName": "Favourite Colour", "ProductInformationFilterValue": ["blue"],
                  "ProductInformationFilterComparator": "EQUALS"}]}], contains="Favourite Colour")
equal(len(lm.list_license_configurations()["LicenseConfigurations"]), before, "refused creates stored nothing")

expect_error("InvalidParameterValueException", lm.update_license_configuration, LicenseConfigurationArn=sock,
             LicenseRules=["#minimumVcpus=2"], contains="minimumVcpus")
expect_error("InvalidParameterValueException", raw.update_license_configuration, LicenseConfigurationArn=sock,
             LicenseConfigurationStatus="PAUSED", contains="licenseConfigurationStatus")
equal(lm.get_license_configuration(LicenseConfigurationArn=sock)["LicenseRules"], ["#licenseAffinityToHost=90"],
      "a refused update changed nothing")

missing = arn[:-32] + "0" * 32
for call in (lm.get_license_configuration, lm.delete_license_configuration):
    expect_error("InvalidParameterValueException", call, LicenseConfigurationArn=missing)
expect_error("InvalidParameterValueException", lm.update_license_configuration, LicenseConfigurationArn=missing, Name="y")
expect_error("InvalidParameterValueException", lm.get_license_configuration, LicenseConfigurationArn="not-an-arn")
expect_error("InvalidParameterValueException", lm.get_license_configuration,
             LicenseConfigurationArn=arn.replace("us-east-1", "eu-west-1"))

# --- tags -----------------------------------------------------------------------------------
lm.tag_resource(ResourceArn=vcpu, Tags=[{"Key": "env", "Value": "prod"}, {"Key": "cost", "Value": "42"}])
lm.tag_resource(ResourceArn=vcpu, Tags=[{"Key": "env", "Value": "test"}])
equal(lm.list_tags_for_resource(ResourceArn=vcpu)["Tags"], [{"Key": "cost", "Value": "42"}, {"Key": "env", "Value": "test"}],
      "tags added and overwritten")
lm.untag_resource(ResourceArn=vcpu, TagKeys=["cost", "never-there"])
equal(lm.list_tags_for_resource(ResourceArn=vcpu)["Tags"], [{"Key": "env", "Value": "test"}], "tag removed")
expect_error("InvalidParameterValueException", lm.tag_resource, ResourceArn=vcpu,
             Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)], contains="50")
equal(len(lm.list_tags_for_resource(ResourceArn=vcpu)["Tags"]), 1, "a refused tagging changed nothing")
expect_error("InvalidParameterValueException", lm.tag_resource, ResourceArn=missing, Tags=[{"Key": "a", "Value": "b"}])
expect_error("InvalidParameterValueException", lm.list_tags_for_resource, ResourceArn=missing)

# --- delete ---------------------------------------------------------------------------------
lm.delete_license_configuration(LicenseConfigurationArn=vcpu)
expect_error("InvalidParameterValueException", lm.get_license_configuration, LicenseConfigurationArn=vcpu)
check("win" not in names(), "a deleted configuration is not listed")
expect_error("InvalidParameterValueException", lm.list_tags_for_resource, ResourceArn=vcpu)

# --- another region of the same account sees nothing ---------------------------------------
west = client(region="eu-west-1")
equal(west.list_license_configurations()["LicenseConfigurations"], [], "eu-west-1 is empty")
expect_error("InvalidParameterValueException", west.get_license_configuration, LicenseConfigurationArn=arn)
print("ok")
