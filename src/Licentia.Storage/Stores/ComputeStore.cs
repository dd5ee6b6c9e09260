using Licentia.Core;
using Licentia.Core.Compute;
using Licentia.Core.Compute.Hosts;
using Licentia.Core.Compute.Images;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Paging;
using Licentia.Storage.Db;
using Licentia.Storage.Documents;

namespace Licentia.Storage.Stores;

internal sealed class ComputeStore(Database db) : IComputeStore
{
    public async Task<bool> TryInsertImageAsync(Ec2Image image, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(image);
        await using var session = await db.WriteAsync(ct);

        // Name uniqueness per owner and Region: check and insert under one lock.
        await session.LockAsync(ComputeLockNames.ImageNames(image.OwnerScope), ct);
        await using (var exists = session.Prepare("SELECT 1 FROM ec2_images WHERE account_id = @accountId AND region = @region AND name = @name"))
        {
            if (await ComputeRows.Bind(exists, image.OwnerScope).Bind("name", image.Name).ExistsAsync(ct))
            {
                return false;
            }
        }

        await ComputeRows.InsertImageAsync(session, image, ct);
        await session.CommitAsync(ct);
        return true;
    }

    public async Task<Ec2Image?> FindImageAsync(string region, string viewerAccountId, string imageId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await ComputeRows.FindImageAsync(session, region, viewerAccountId, imageId, ct);
    }

    public async Task<Page<Ec2Image>> ListImagesAsync(Scope viewer, ImageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {ComputeRows.ImageColumns} FROM ec2_images WHERE {ComputeRows.VisibleImage}")
            .In("id", query.Ids)
            .In("account_id", query.Owners)
            .In("state", query.States, s => ImageStateNames.ToWire(s))
            .In("platform_details", query.PlatformDetails)
            .In("usage_operation", query.UsageOperations);
        if (query.Public is { } isPublic)
        {
            builder.And("is_public = @public", ("public", isPublic));
        }

        var patterns = query.NamePatterns;
        Page<Ec2Image> page;
        await using (var select = builder.Page(session, query.After, query.Limit, postFiltered: patterns is not null)
            .Bind("region", viewer.Region).Bind("viewer", viewer.AccountId).Bind("yes", true))
        {
            page = await QueryBuilder.ReadPageAsync(
                select, query.Limit, r => ComputeRows.ReadImage(session, r), patterns is null ? null : i => Ec2Wildcard.IsMatchAny(patterns, i.Name), ct);
        }

        return page with { Items = await ComputeRows.WithSharesAsync(session, page.Items, ct) };
    }

    public async Task<bool> TryUpdateImageAsync(Ec2Image image, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(image);
        await using var session = await db.WriteAsync(ct);
        if (!await ComputeRows.TryUpdateImageAsync(session, image, expectedVersion, ct))
        {
            return false;
        }

        await session.CommitAsync(ct);
        return true;
    }

    public async Task<Ec2Instance?> FindInstanceAsync(Scope scope, string instanceId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await ComputeRows.FindInstanceAsync(session, scope, instanceId, ct);
    }

    public async Task<Page<Ec2Instance>> ListInstancesAsync(Scope scope, InstanceQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        return await ComputeRows.ListInstancesAsync(session, scope, query, ct);
    }

    public async Task InsertHostsAsync(IReadOnlyList<DedicatedHost> hosts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        await using var session = await db.WriteAsync(ct);
        foreach (var host in hosts)
        {
            await ComputeRows.InsertHostAsync(session, host, ct);
        }

        await session.CommitAsync(ct);
    }

    public async Task<DedicatedHost?> FindHostAsync(Scope scope, string hostId, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await ComputeRows.FindHostAsync(session, scope, hostId, ct);
    }

    public async Task<Page<DedicatedHost>> ListHostsAsync(Scope scope, HostQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        return await ComputeRows.ListHostsAsync(session, scope, query, ct);
    }

    public async Task<bool> TryInsertLaunchTemplateAsync(LaunchTemplate launchTemplate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(launchTemplate);
        await using var session = await db.WriteAsync(ct);
        await session.LockAsync(ComputeLockNames.LaunchTemplateNames(launchTemplate.Scope), ct);
        await using (var exists = session.Prepare("SELECT 1 FROM ec2_launch_templates WHERE account_id = @accountId AND region = @region AND name = @name"))
        {
            if (await ComputeRows.Bind(exists, launchTemplate.Scope).Bind("name", launchTemplate.Name).ExistsAsync(ct))
            {
                return false;
            }
        }

        await using (var insert = session.Prepare(
            "INSERT INTO ec2_launch_templates (account_id, region, id, name, created_at, doc) VALUES (@accountId, @region, @id, @name, @createdAt, @doc)"))
        {
            await ComputeRows.Bind(insert, launchTemplate.Scope)
                .Bind("id", launchTemplate.Id)
                .Bind("name", launchTemplate.Name)
                .Bind("createdAt", launchTemplate.CreatedAt)
                .BindJson("doc", StorageJson.Serialize(LaunchTemplateDocument.From(launchTemplate)))
                .ExecuteAsync(ct);
        }

        await session.CommitAsync(ct);
        return true;
    }

    public async Task<LaunchTemplate?> FindLaunchTemplateAsync(Scope scope, string? id, string? name, CancellationToken ct)
    {
        await using var session = await db.ReadAsync(ct);
        return await ComputeRows.FindTemplateAsync(session, scope, id, name, ct);
    }

    public async Task<Page<LaunchTemplate>> ListLaunchTemplatesAsync(Scope scope, LaunchTemplateQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await db.ReadAsync(ct);
        var builder = new QueryBuilder($"SELECT {ComputeRows.TemplateColumns} FROM ec2_launch_templates WHERE account_id = @accountId AND region = @region")
            .In("id", query.Ids)
            .In("name", query.Names);
        await using var select = ComputeRows.Bind(builder.Page(session, query.After, query.Limit, postFiltered: false), scope);
        return await QueryBuilder.ReadPageAsync(select, query.Limit, r => ComputeRows.ReadTemplate(session, r), null, ct);
    }
}
