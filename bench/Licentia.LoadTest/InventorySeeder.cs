using System.Diagnostics;
using System.Security.Cryptography;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Inventory;
using Licentia.Core.Tagging;
using Licentia.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Licentia.LoadTest;

/// <summary>
/// Fills a server's SQLite data directory with a million resources in about a minute. One EC2 instance and one
/// managed server (with its AWS:Application inventory) are written through the storage layer, so every stored
/// format is the real one; they are then cloned in SQL, in batches, with varied platforms, billing codes, tags and
/// applications; finally the backfill of migration 0009 indexes the clones, exactly as an upgrade would.
/// The distributions (so the benchmark's filters have known selectivities), with i the clone's number from 1:
/// <list type="bullet">
/// <item>EC2 (half): i % 100 &lt; 70 Linux/UNIX; &lt; 90 Windows (0002); &lt; 99 Windows with SQL Server Standard (0006); else Enterprise (0102).</item>
/// <item>Managed: i % 10 &lt; 4 Ubuntu, &lt; 7 Debian, &lt; 9 Red Hat, else Windows Server; tag env prod (i even) or dev; tag team-(i % 50);
/// applications bash, coreutils, openssl, python3, plus nginx (i % 5 = 0), MySQL Server (i % 20 = 3), PostgreSQL 16 (i % 10 = 1),
/// Oracle Database (i % 1000 = 7).</item>
/// </list>
/// </summary>
internal static class InventorySeeder
{
    private const int Batch = 100_000;

    public static async Task SeedAsync(string dataDir, string region, int resources, TextWriter log, CancellationToken ct)
    {
        var ec2 = resources / 2;
        var managed = resources - ec2;
        var now = DateTimeOffset.UtcNow;
        string accountId;
        string instanceTemplate;
        string serverTemplate;
        await using (var storage = SqliteStorage.Open(dataDir))
        {
            await storage.MigrateAsync(ct);
            accountId = await ScalarAsync(dataDir, "SELECT account_id FROM accounts ORDER BY seq LIMIT 1", ct)
                ?? throw new InvalidOperationException($"No account in {dataDir}: start the server on it once first.");
            instanceTemplate = await WriteInstanceTemplateAsync(storage, accountId, region, now, ct);
            serverTemplate = await WriteServerTemplateAsync(storage, accountId, region, now, ct);
        }

        await using var connection = new SqliteConnection($"Data Source={SqliteStorage.DatabasePath(dataDir)}");
        await connection.OpenAsync(ct);

        // Seeding only: the server reopens the file with synchronous = FULL.
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF;", [], ct);
        var clock = Stopwatch.StartNew();
        for (var from = 1; from <= ec2; from += Batch)
        {
            await CloneAsync(connection, CloneInstances, from, Math.Min(ec2, from + Batch - 1), accountId, region, instanceTemplate, ct);
            log.WriteLine($"  EC2 instances {Math.Min(ec2, from + Batch - 1)}/{ec2} ({clock.Elapsed.TotalSeconds:0} s)");
        }

        for (var from = 1; from <= managed; from += Batch)
        {
            await CloneAsync(connection, CloneServers + ";" + CloneApplications, from, Math.Min(managed, from + Batch - 1), accountId, region, serverTemplate, ct);
            log.WriteLine($"  managed servers {Math.Min(managed, from + Batch - 1)}/{managed} ({clock.Elapsed.TotalSeconds:0} s)");
        }

        var cloned = clock.Elapsed;
        clock.Restart();
        await using (var backfill = connection.BeginTransaction())
        {
            await ExecuteAsync(connection, Migration0009Backfill(), [], ct, backfill);
            await backfill.CommitAsync(ct);
        }

        log.WriteLine($"Seeded {resources} resources in {cloned.TotalSeconds:0} s; migration 0009's backfill indexed them in {clock.Elapsed.TotalSeconds:0} s.");
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", [], ct);
    }

    private static async Task<string> WriteInstanceTemplateAsync(Storage.ILicentiaStorage storage, string accountId, string region, DateTimeOffset now, CancellationToken ct)
    {
        var instance = new Ec2Instance
        {
            Id = "i-" + RandomNumberGenerator.GetHexString(17, lowercase: true),
            AccountId = accountId,
            Region = region,
            ReservationId = "r-" + RandomNumberGenerator.GetHexString(17, lowercase: true),
            ImageId = "ami-" + RandomNumberGenerator.GetHexString(17, lowercase: true),
            InstanceType = "m5.large",
            Placement = new Placement { AvailabilityZone = region + "a" },
            CpuOptions = new CpuOptions(1, 2),
            State = InstanceState.Running,
            LaunchTime = now,
            PlatformDetails = "Linux/UNIX",
            UsageOperation = "RunInstances",
            UsageOperationUpdateTime = now,
        };
        await storage.Licensing.WriteAsync(async tx =>
        {
            await tx.InsertInstanceAsync(instance, ct);
            return 0;
        }, ct);
        return instance.Id;
    }

    private static async Task<string> WriteServerTemplateAsync(Storage.ILicentiaStorage storage, string accountId, string region, DateTimeOffset now, CancellationToken ct)
    {
        var activation = new Activation
        {
            Id = Guid.NewGuid().ToString(),
            AccountId = accountId,
            Region = region,
            IamRole = "SSMServiceRole",
            RegistrationLimit = 1,
            ExpiresAt = now.AddDays(30),
            CreatedAt = now,
            CodeHash = SHA256.HashData(Guid.NewGuid().ToByteArray()),
            Description = "inventory benchmark",
        };
        if (!await storage.Inventory.TryInsertActivationAsync(activation, int.MaxValue, ct))
        {
            throw new InvalidOperationException("Could not create the benchmark's activation.");
        }

        var server = new ManagedInstance
        {
            Id = "mi-" + RandomNumberGenerator.GetHexString(17, lowercase: true),
            AccountId = accountId,
            Region = region,
            ActivationId = activation.Id,
            IamRole = activation.IamRole,
            RegisteredAt = now,
            LastPingAt = now,
            Facts = new HostFacts { ComputerName = "template", PlatformType = "Linux", PlatformName = "Ubuntu", PlatformVersion = "22.04", AgentVersion = "1.0.0" },
            Tags = [new Tag("env", "prod")],
        };
        var key = new ManagedInstanceKey("AKMI" + RandomNumberGenerator.GetHexString(16), accountId, region, server.Id, RandomNumberGenerator.GetBytes(56), now);
        if (await storage.Inventory.TryRegisterAsync(server, key, InventoryManager.InformationItem(server, now), now, ct) != RegistrationOutcome.Registered)
        {
            throw new InvalidOperationException("Could not register the benchmark's template server.");
        }

        var applications = new InventoryItem
        {
            TypeName = InventoryTypes.Application,
            SchemaVersion = "1.1",
            CaptureTime = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ContentHash = "template",
            Content = [new Dictionary<string, string> { ["Name"] = "bash", ["Version"] = "5.2" }],
        };
        await storage.Inventory.PutInventoryAsync(new(accountId, region), server.Id, [applications], null, now, false, 20, ct);
        return server.Id;
    }

    // @from..@to numbers the clones; ids are i-/mi- and the number in 17 hex digits.
    private const string Numbers = "WITH RECURSIVE n(i) AS (SELECT @from UNION ALL SELECT i + 1 FROM n WHERE i < @to) ";

    private const string CloneInstances = Numbers +
        "INSERT INTO ec2_instances (account_id, region, id, state, instance_type, image_id, host_id, tenancy, version, launch_time, doc) " +
        "SELECT t.account_id, t.region, printf('i-%017x', n.i), t.state, t.instance_type, t.image_id, t.host_id, t.tenancy, t.version, t.launch_time, " +
        "json_set(t.doc, " +
        "'$.platformDetails', CASE WHEN n.i % 100 < 70 THEN 'Linux/UNIX' WHEN n.i % 100 < 90 THEN 'Windows' " +
        "WHEN n.i % 100 < 99 THEN 'Windows with SQL Server Standard' ELSE 'Windows with SQL Server Enterprise' END, " +
        "'$.usageOperation', CASE WHEN n.i % 100 < 70 THEN 'RunInstances' WHEN n.i % 100 < 90 THEN 'RunInstances:0002' " +
        "WHEN n.i % 100 < 99 THEN 'RunInstances:0006' ELSE 'RunInstances:0102' END) " +
        "FROM n, ec2_instances t WHERE t.account_id = @account AND t.region = @region AND t.id = @template";

    private const string CloneServers = Numbers +
        "INSERT INTO ssm_managed_instances (account_id, region, id, activation_id, iam_role, agent_version, platform_type, registered_at, last_ping_at, doc) " +
        "SELECT t.account_id, t.region, printf('mi-%017x', n.i), t.activation_id, t.iam_role, t.agent_version, " +
        "CASE WHEN n.i % 10 = 9 THEN 'Windows' ELSE 'Linux' END, t.registered_at, t.last_ping_at, " +
        "json_set(t.doc, '$.computerName', printf('host-%d', n.i), " +
        "'$.platformName', CASE WHEN n.i % 10 < 4 THEN 'Ubuntu' WHEN n.i % 10 < 7 THEN 'Debian GNU/Linux' " +
        "WHEN n.i % 10 < 9 THEN 'Red Hat Enterprise Linux' ELSE 'Microsoft Windows Server 2022 Datacenter' END, " +
        "'$.tags', json_array(json_object('key', 'env', 'value', CASE WHEN n.i % 2 = 0 THEN 'prod' ELSE 'dev' END), " +
        "json_object('key', 'team', 'value', printf('team-%d', n.i % 50)))) " +
        "FROM n, ssm_managed_instances t WHERE t.account_id = @account AND t.region = @region AND t.id = @template";

    private const string CloneApplications = Numbers +
        "INSERT INTO ssm_inventory_items (account_id, region, instance_id, type_name, schema_version, capture_time, content_hash, updated_at, doc) " +
        "SELECT t.account_id, t.region, printf('mi-%017x', n.i), t.type_name, t.schema_version, t.capture_time, printf('seed-%d', n.i), t.updated_at, " +
        "json_set(t.doc, '$.content', json('[{\"Name\":\"bash\",\"Version\":\"5.2\"},{\"Name\":\"coreutils\",\"Version\":\"9.1\"}," +
        "{\"Name\":\"openssl\",\"Version\":\"3.0.11\"},{\"Name\":\"python3\",\"Version\":\"3.11.2\"}' " +
        "|| CASE WHEN n.i % 5 = 0 THEN ',{\"Name\":\"nginx\",\"Version\":\"1.24.0\"}' ELSE '' END " +
        "|| CASE WHEN n.i % 20 = 3 THEN ',{\"Name\":\"MySQL Server\",\"Version\":\"8.0.36\"}' ELSE '' END " +
        "|| CASE WHEN n.i % 10 = 1 THEN ',{\"Name\":\"PostgreSQL 16\",\"Version\":\"16.4\"}' ELSE '' END " +
        "|| CASE WHEN n.i % 1000 = 7 THEN ',{\"Name\":\"Oracle Database\",\"Version\":\"19c\"}' ELSE '' END || ']')) " +
        "FROM n, ssm_inventory_items t WHERE t.account_id = @account AND t.region = @region AND t.instance_id = @template AND t.type_name = 'AWS:Application'";

    private static async Task CloneAsync(SqliteConnection connection, string sql, int from, int to, string account, string region, string template, CancellationToken ct)
    {
        await using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, sql, [("from", from), ("to", to), ("account", account), ("region", region), ("template", template)], ct, transaction);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The INSERT statements after "-- Backfill" in migration 0009 as the server embeds it: run again, they index the clones.</summary>
    private static string Migration0009Backfill()
    {
        var assembly = typeof(SqliteStorage).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("0009_resource_inventory_index.sql", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var script = reader.ReadToEnd();
        return script[script.IndexOf("-- Backfill", StringComparison.Ordinal)..];
    }

    private static async Task<string?> ScalarAsync(string dataDir, string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={SqliteStorage.DatabasePath(dataDir)}");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, string sql, IReadOnlyList<(string Name, object Value)> parameters, CancellationToken ct, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
