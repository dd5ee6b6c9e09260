using System.ComponentModel.DataAnnotations;

namespace Licentia.Server.Hosting;

/// <summary>The server's settings: section "Licentia" of the configuration (see README, "Configuration").</summary>
public sealed class LicentiaOptions
{
    public const string Section = "Licentia";

    /// <summary>Where state lives: the SQLite database, the master key, the credentials file.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";

    /// <summary>A PostgreSQL connection string. Empty: the embedded SQLite database in <see cref="DataDir"/>.</summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// The key that encrypts secrets at rest, base64 of 32 bytes. Empty: kept in DataDir/master.key (mode 0600),
    /// created on first start. Nodes sharing one PostgreSQL database must share this key.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>The region written into the credentials file made on first start.</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-[a-z]+)+-[0-9]+$", ErrorMessage = "DefaultRegion must look like a region name, e.g. us-east-1.")]
    public string DefaultRegion { get; set; } = "us-east-1";

    /// <summary>Requests whose signature time is further than this from the server's clock are refused.</summary>
    [Range(1, 60)]
    public int AllowedClockSkewMinutes { get; set; } = 15;

    /// <summary>How often the licensing housekeeping job runs (associations of deregistered AMIs, old usage), in seconds.</summary>
    [Range(1, 86400)]
    public int LicensingHousekeepingSeconds { get; set; } = 300;

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;
}
