using System.Data.Common;
using Licentia.Core;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Paging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

/// <summary>
/// The statements on EC2 resources, shared by the compute store and the licensing transaction so both
/// read and write the same rows the same way. Every statement is scoped: by account and Region, or for
/// images by Region and visibility to the viewer.
/// </summary>
internal static class ComputeRows
{
    public const string ImageColumns =
        "seq, account_id, region, id, name, state, is_public, platform_details, usage_operation, version, created_at, doc";

    public const string InstanceColumns =
        "seq, account_id, region, id, state, instance_type, image_id, host_id, tenancy, version, launch_time, doc";

    public const string HostColumns =
        "seq, account_id, region, id, state, instance_family, instance_type, availability_zone, auto_placement, version, allocation_time, doc";

    public const string TemplateColumns = "seq, account_id, region, id, name, created_at, doc";

    private const string Scoped = "account_id = @accountId AND region = @region";

    /// <summary>Images the viewer may see: its own, public ones, and those shared with it.</summary>
    public const string VisibleImage =
        "region = @region AND (account_id = @viewer OR is_public = @yes OR EXISTS (SELECT 1 FROM ec2_image_launch_permissions p " +
        "WHERE p.region = ec2_images.region AND p.image_id = ec2_images.id AND p.account_id = @viewer))";

    // ---- images ----

    public static async Task<Ec2Image?> FindImageAsync(Session session, string region, string viewer, string imageId, CancellationToken ct)
    {
        Ec2Image? image;
        await using (var select = session.Prepare($"SELECT {ImageColumns} FROM ec2_images WHERE {VisibleImage} AND id = @id"))
        {
            await using var reader = await select.Bind("region", region).Bind("viewer", viewer).Bind("yes", true).Bind("id", imageId).ReadAsync(ct);
            image = await reader.ReadAsync(ct) ? ReadImage(session, reader) : null;
        }

        return image is null ? null : (await WithSharesAsync(session, [image], ct))[0];
    }

    public static async Task<IReadOnlyList<Ec2Image>> WithSharesAsync(Session session, IReadOnlyList<Ec2Image> images, CancellationToken ct)
    {
        if (images.Count == 0)
        {
            return images;
        }

        var shares = new Dictionary<(string, string), List<string>>();
        foreach (var group in images.GroupBy(i => i.Region))
        {
            var builder = new QueryBuilder("SELECT region, image_id, account_id FROM ec2_image_launch_permissions WHERE region = @region")
                .In("image_id", group.Select(i => i.Id).ToList());
            await using var select = builder.Prepare(session).Bind("region", group.Key);
            await using var reader = await select.ReadAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!shares.TryGetValue(key, out var list))
                {
                    shares[key] = list = [];
                }

                list.Add(reader.GetString(2));
            }
        }

        return
        [
            .. images.Select(i => shares.TryGetValue((i.Region, i.Id), out var list)
                ? i with { SharedWith = [.. list.Order(StringComparer.Ordinal)] }
                : i),
        ];
    }

    public static async Task InsertImageAsync(Session session, Ec2Image image, CancellationToken ct)
    {
        await using (var insert = session.Prepare(
            "INSERT INTO ec2_images (account_id, region, id, name, state, is_public, platform_details, usage_operation, version, created_at, doc) " +
            "VALUES (@accountId, @region, @id, @name, @state, @isPublic, @platformDetails, @usageOperation, @version, @createdAt, @doc)"))
        {
            await BindImage(insert, image).Bind("version", image.Version).Bind("createdAt", image.CreatedAt).ExecuteAsync(ct);
        }

        await WriteSharesAsync(session, image, ct);
    }

    public static async Task<bool> TryUpdateImageAsync(Session session, Ec2Image image, long expectedVersion, CancellationToken ct)
    {
        int updated;
        await using (var update = session.Prepare(
            "UPDATE ec2_images SET name = @name, state = @state, is_public = @isPublic, platform_details = @platformDetails, " +
            $"usage_operation = @usageOperation, version = @newVersion, doc = @doc WHERE {Scoped} AND id = @id AND version = @expectedVersion"))
        {
            updated = await BindImage(update, image).Bind("newVersion", expectedVersion + 1).Bind("expectedVersion", expectedVersion).ExecuteAsync(ct);
        }

        if (updated != 1)
        {
            return false;
        }

        await using (var clear = session.Prepare("DELETE FROM ec2_image_launch_permissions WHERE region = @region AND image_id = @id"))
        {
            await clear.Bind("region", image.Region).Bind("id", image.Id).ExecuteAsync(ct);
        }

        await WriteSharesAsync(session, image, ct);
        return true;
    }

    public static Ec2Image ReadImage(Session session, DbDataReader r)
    {
        var doc = StorageJson.Deserialize<ImageDocument>(r.GetString(11));
        return new Ec2Image
        {
            AccountId = r.GetString(1),
            Region = r.GetString(2),
            Id = r.GetString(3),
            Name = r.GetString(4),
            State = r.GetString(5) == ImageStateNames.Available ? ImageState.Available : ImageState.Deregistered,
            Public = r.GetBoolean(6),
            PlatformDetails = r.GetString(7),
            UsageOperation = r.GetString(8),
            Version = r.GetInt64(9),
            CreatedAt = session.ReadTimestamp(r, 10),
            Description = doc.Description,
            Architecture = doc.Architecture,
            RootDeviceName = doc.RootDeviceName,
            UsageOperationUpdateTime = doc.UsageOperationUpdateTime,
            DeregisteredAt = doc.DeregisteredAt,
        };
    }

    private static Statement BindImage(Statement statement, Ec2Image i) => statement
        .Bind("accountId", i.AccountId)
        .Bind("region", i.Region)
        .Bind("id", i.Id)
        .Bind("name", i.Name)
        .Bind("state", ImageStateNames.ToWire(i.State))
        .Bind("isPublic", i.Public)
        .Bind("platformDetails", i.PlatformDetails)
        .Bind("usageOperation", i.UsageOperation)
        .BindJson("doc", StorageJson.Serialize(new ImageDocument(i.Description, i.Architecture, i.RootDeviceName, i.UsageOperationUpdateTime, i.DeregisteredAt)));

    private static async Task WriteSharesAsync(Session session, Ec2Image image, CancellationToken ct)
    {
        foreach (var account in image.SharedWith.Distinct(StringComparer.Ordinal))
        {
            await using var insert = session.Prepare(
                "INSERT INTO ec2_image_launch_permissions (region, image_id, account_id) VALUES (@region, @id, @account)");
            await insert.Bind("region", image.Region).Bind("id", image.Id).Bind("account", account).ExecuteAsync(ct);
        }
    }

    // ---- instances ----

    public static async Task<Ec2Instance?> FindInstanceAsync(Session session, Scope scope, string id, CancellationToken ct)
    {
        await using var select = session.Prepare($"SELECT {InstanceColumns} FROM ec2_instances WHERE {Scoped} AND id = @id");
        await using var reader = await Bind(select, scope).Bind("id", id).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadInstance(session, reader) : null;
    }

    public static async Task<Page<Ec2Instance>> ListInstancesAsync(Session session, Scope scope, InstanceQuery query, CancellationToken ct)
    {
        var builder = new QueryBuilder($"SELECT {InstanceColumns} FROM ec2_instances WHERE {Scoped}")
            .In("id", query.Ids)
            .In("state", query.States, s => InstanceStateNames.ToWire(s))
            .In("instance_type", query.InstanceTypes)
            .In("image_id", query.ImageIds)
            .In("host_id", query.HostIds)
            .In("tenancy", query.Tenancies, t => PlacementNames.ToWire(t));
        await using var select = Bind(builder.Page(session, query.After, query.Limit, postFiltered: false), scope);
        return await QueryBuilder.ReadPageAsync(select, query.Limit, r => ReadInstance(session, r), null, ct);
    }

    public static async Task InsertInstanceAsync(Session session, Ec2Instance instance, CancellationToken ct)
    {
        await using var insert = session.Prepare(
            "INSERT INTO ec2_instances (account_id, region, id, state, instance_type, image_id, host_id, tenancy, version, launch_time, doc) " +
            "VALUES (@accountId, @region, @id, @state, @instanceType, @imageId, @hostId, @tenancy, @version, @launchTime, @doc)");
        await BindInstance(insert, instance).Bind("version", instance.Version).ExecuteAsync(ct);
        await ResourceInventoryRows.WriteInstanceAsync(session, instance, replace: false, ct);
    }

    public static async Task<bool> TryUpdateInstanceAsync(Session session, Ec2Instance instance, long expectedVersion, CancellationToken ct)
    {
        await using var update = session.Prepare(
            "UPDATE ec2_instances SET state = @state, instance_type = @instanceType, image_id = @imageId, host_id = @hostId, tenancy = @tenancy, " +
            $"version = @newVersion, launch_time = @launchTime, doc = @doc WHERE {Scoped} AND id = @id AND version = @expectedVersion");
        if (await BindInstance(update, instance).Bind("newVersion", expectedVersion + 1).Bind("expectedVersion", expectedVersion).ExecuteAsync(ct) != 1)
        {
            return false;
        }

        await ResourceInventoryRows.WriteInstanceAsync(session, instance, replace: true, ct);
        return true;
    }

    public static Ec2Instance ReadInstance(Session session, DbDataReader r)
    {
        var doc = StorageJson.Deserialize<InstanceDocument>(r.GetString(11));
        return new Ec2Instance
        {
            AccountId = r.GetString(1),
            Region = r.GetString(2),
            Id = r.GetString(3),
            State = InstanceStateNames.Parse(r.GetString(4)),
            InstanceType = r.GetString(5),
            ImageId = r.GetString(6),
            Placement = new Placement
            {
                HostId = r.IsDBNull(7) ? null : r.GetString(7),
                Tenancy = PlacementNames.ParseTenancy(r.GetString(8)),
                AvailabilityZone = doc.AvailabilityZone,
                Affinity = PlacementNames.ParseAffinity(doc.Affinity),
                HostResourceGroupArn = doc.HostResourceGroupArn,
            },
            Version = r.GetInt64(9),
            LaunchTime = session.ReadTimestamp(r, 10),
            ReservationId = doc.ReservationId,
            CpuOptions = doc.CoreCount is { } cores && doc.ThreadsPerCore is { } threads ? new CpuOptions(cores, threads) : null,
            StateTransitionReason = doc.StateTransitionReason,
            Licenses = doc.Licenses,
            PlatformDetails = doc.PlatformDetails,
            UsageOperation = doc.UsageOperation,
            UsageOperationUpdateTime = doc.UsageOperationUpdateTime,
            LaunchTemplateId = doc.LaunchTemplateId,
        };
    }

    private static Statement BindInstance(Statement statement, Ec2Instance i) => statement
        .Bind("accountId", i.AccountId)
        .Bind("region", i.Region)
        .Bind("id", i.Id)
        .Bind("state", InstanceStateNames.ToWire(i.State))
        .Bind("instanceType", i.InstanceType)
        .Bind("imageId", i.ImageId)
        .Bind("hostId", i.Placement.HostId)
        .Bind("tenancy", PlacementNames.ToWire(i.Placement.Tenancy))
        .Bind("launchTime", i.LaunchTime)
        .BindJson("doc", StorageJson.Serialize(new InstanceDocument(
            i.ReservationId,
            i.Placement.AvailabilityZone,
            PlacementNames.ToWire(i.Placement.Affinity),
            i.Placement.HostResourceGroupArn,
            i.CpuOptions?.CoreCount,
            i.CpuOptions?.ThreadsPerCore,
            i.StateTransitionReason,
            i.Licenses,
            i.PlatformDetails,
            i.UsageOperation,
            i.UsageOperationUpdateTime,
            i.LaunchTemplateId)));

    // ---- hosts ----

    public static async Task<DedicatedHost?> FindHostAsync(Session session, Scope scope, string id, CancellationToken ct)
    {
        await using var select = session.Prepare($"SELECT {HostColumns} FROM ec2_hosts WHERE {Scoped} AND id = @id");
        await using var reader = await Bind(select, scope).Bind("id", id).ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadHost(session, reader) : null;
    }

    public static async Task<Page<DedicatedHost>> ListHostsAsync(Session session, Scope scope, HostQuery query, CancellationToken ct)
    {
        var builder = new QueryBuilder($"SELECT {HostColumns} FROM ec2_hosts WHERE {Scoped}")
            .In("id", query.Ids)
            .In("state", query.States, s => HostStateNames.ToWire(s))
            .In("instance_family", query.InstanceFamilies)
            .In("instance_type", query.InstanceTypes)
            .In("availability_zone", query.AvailabilityZones);
        if (query.AutoPlacement is { } autoPlacement)
        {
            builder.And("auto_placement = @autoPlacement", ("autoPlacement", autoPlacement));
        }

        await using var select = Bind(builder.Page(session, query.After, query.Limit, postFiltered: false), scope);
        return await QueryBuilder.ReadPageAsync(select, query.Limit, r => ReadHost(session, r), null, ct);
    }

    public static async Task InsertHostAsync(Session session, DedicatedHost host, CancellationToken ct)
    {
        await using var insert = session.Prepare(
            "INSERT INTO ec2_hosts (account_id, region, id, state, instance_family, instance_type, availability_zone, auto_placement, version, allocation_time, doc) " +
            "VALUES (@accountId, @region, @id, @state, @instanceFamily, @instanceType, @availabilityZone, @autoPlacement, @version, @allocationTime, @doc)");
        await BindHost(insert, host).Bind("version", host.Version).Bind("allocationTime", host.AllocationTime).ExecuteAsync(ct);
    }

    public static async Task<bool> TryUpdateHostAsync(Session session, DedicatedHost host, long expectedVersion, CancellationToken ct)
    {
        await using var update = session.Prepare(
            "UPDATE ec2_hosts SET state = @state, instance_family = @instanceFamily, instance_type = @instanceType, availability_zone = @availabilityZone, " +
            $"auto_placement = @autoPlacement, version = @newVersion, doc = @doc WHERE {Scoped} AND id = @id AND version = @expectedVersion");
        return await BindHost(update, host).Bind("newVersion", expectedVersion + 1).Bind("expectedVersion", expectedVersion).ExecuteAsync(ct) == 1;
    }

    public static DedicatedHost ReadHost(Session session, DbDataReader r)
    {
        var doc = StorageJson.Deserialize<HostDocument>(r.GetString(11));
        return new DedicatedHost
        {
            AccountId = r.GetString(1),
            Region = r.GetString(2),
            Id = r.GetString(3),
            State = r.GetString(4) == "available" ? HostState.Available : HostState.Released,
            InstanceFamily = r.GetString(5),
            InstanceType = r.IsDBNull(6) ? null : r.GetString(6),
            AvailabilityZone = r.GetString(7),
            AutoPlacement = r.GetBoolean(8),
            Version = r.GetInt64(9),
            AllocationTime = session.ReadTimestamp(r, 10),
            Sockets = doc.Sockets,
            PhysicalCores = doc.PhysicalCores,
            TotalVCpus = doc.TotalVCpus,
            HostRecovery = doc.HostRecovery,
            ReleaseTime = doc.ReleaseTime,
        };
    }

    private static Statement BindHost(Statement statement, DedicatedHost h) => statement
        .Bind("accountId", h.AccountId)
        .Bind("region", h.Region)
        .Bind("id", h.Id)
        .Bind("state", HostStateNames.ToWire(h.State))
        .Bind("instanceFamily", h.InstanceFamily)
        .Bind("instanceType", h.InstanceType)
        .Bind("availabilityZone", h.AvailabilityZone)
        .Bind("autoPlacement", h.AutoPlacement)
        .BindJson("doc", StorageJson.Serialize(new HostDocument(h.Sockets, h.PhysicalCores, h.TotalVCpus, h.HostRecovery, h.ReleaseTime)));

    // ---- launch templates ----

    public static async Task<LaunchTemplate?> FindTemplateAsync(Session session, Scope scope, string? id, string? name, CancellationToken ct)
    {
        var builder = new QueryBuilder($"SELECT {TemplateColumns} FROM ec2_launch_templates WHERE {Scoped}");
        if (id is not null)
        {
            builder.And("id = @id", ("id", id));
        }

        if (name is not null)
        {
            builder.And("name = @name", ("name", name));
        }

        await using var select = Bind(builder.Prepare(session), scope);
        await using var reader = await select.ReadAsync(ct);
        return await reader.ReadAsync(ct) ? ReadTemplate(session, reader) : null;
    }

    public static LaunchTemplate ReadTemplate(Session session, DbDataReader r)
    {
        var doc = StorageJson.Deserialize<LaunchTemplateDocument>(r.GetString(6));
        return new LaunchTemplate
        {
            AccountId = r.GetString(1),
            Region = r.GetString(2),
            Id = r.GetString(3),
            Name = r.GetString(4),
            CreatedAt = session.ReadTimestamp(r, 5),
            CreatedBy = doc.CreatedBy,
            DefaultVersionNumber = doc.DefaultVersionNumber,
            Versions = doc.ToVersions(),
        };
    }

    public static Statement Bind(Statement statement, Scope scope) =>
        statement.Bind("accountId", scope.AccountId).Bind("region", scope.Region);
}
