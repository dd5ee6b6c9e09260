using System.Security.Cryptography;
using Licentia.Core;
using Licentia.Core.LicenseConfigurations;

namespace Licentia.Storage.Tests;

/// <summary>Builders for test entities. Every test works in scopes of its own, so tests sharing a database never meet.</summary>
internal static class TestData
{
    /// <summary>A fixed instant at whole microseconds: what the stores keep exactly.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero).AddTicks(5_358_970);

    public static string NewAccountId() =>
        RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString("D6") + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    public static Scope NewScope(string region = "us-east-1") => new(NewAccountId(), region);

    public static LicenseConfiguration Configuration(Scope scope, string name = "config", int minutesAfterT0 = 0)
    {
        var id = $"lic-{Guid.NewGuid():N}";
        return new LicenseConfiguration
        {
            Id = id,
            Arn = $"arn:aws:license-manager:{scope.Region}:{scope.AccountId}:license-configuration:{id}",
            AccountId = scope.AccountId,
            Region = scope.Region,
            Name = name,
            CountingType = LicenseCountingType.VCpu,
            CreatedAt = T0.AddMinutes(minutesAfterT0),
            UpdatedAt = T0.AddMinutes(minutesAfterT0),
        };
    }

    /// <summary>A configuration with every member set to a non-default value.</summary>
    public static LicenseConfiguration FullConfiguration(Scope scope) => Configuration(scope, "Oracle DB") with
    {
        Description = "Datacenter licenses – ünïcødé",
        CountingType = LicenseCountingType.Core,
        LicenseCount = 64,
        LicenseCountHardLimit = true,
        Rules = ["#minimumCores=8", "#licenseAffinityToHost=90"],
        Status = LicenseConfigurationStatus.Disabled,
        DisassociateWhenNotFound = true,
        ProductInformation =
        [
            new ProductInformation(
                "SSM_MANAGED",
                [
                    new ProductInformationFilter("Application Name", ["Oracle Database", "Oracle DB"], "EQUALS"),
                    new ProductInformationFilter("Platform Name", ["Linux"], "NOT_EQUALS"),
                ]),
        ],
        LicenseExpiry = 1_900_000_000,
        UsageLimitExceeded = true,
        DiscoveryLastRunTime = T0.AddHours(1),
        UpdatedAt = T0.AddMinutes(5),
    };
}
