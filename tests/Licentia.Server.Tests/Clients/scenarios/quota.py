"""The per-account-and-region quota of license configurations (set to 3 by the test)."""
from lt import client, equal, expect_error

east = client(region="us-east-1")
arns = [east.create_license_configuration(Name=f"c{i}", LicenseCountingType="Instance")["LicenseConfigurationArn"]
        for i in range(3)]
expect_error("ResourceLimitExceededException", east.create_license_configuration, Name="c3",
             LicenseCountingType="Instance", contains="3")
equal(len(east.list_license_configurations()["LicenseConfigurations"]), 3, "the refused create stored nothing")

east.delete_license_configuration(LicenseConfigurationArn=arns[0])
east.create_license_configuration(Name="c4", LicenseCountingType="Instance")

west = client(region="eu-west-1")
for i in range(3):
    west.create_license_configuration(Name=f"w{i}", LicenseCountingType="vCPU")
expect_error("ResourceLimitExceededException", west.create_license_configuration, Name="w3", LicenseCountingType="vCPU")
print("ok")
