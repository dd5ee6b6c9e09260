using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Images;
using Licentia.Core.Identifiers;
using Licentia.Core.Paging;

namespace Licentia.Core.Compute;

/// <summary>RegisterImage, DescribeImages, DeregisterImage and launch permissions.</summary>
public sealed partial class ComputeManager
{
    private static readonly IReadOnlyList<string> ImageFilters =
        ["image-id", "name", "state", "owner-id", "platform-details", "usage-operation", "is-public"];

    /// <summary>RegisterImage: a new available image owned by the caller.</summary>
    public async Task<Ec2Image> RegisterImageAsync(Scope scope, RegisterImageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ValidateImageName(command.Name);
        if (command.Description is { Length: > 255 })
        {
            throw new InvalidParameterValue("The description of an image must be at most 255 characters.");
        }

        var architecture = command.Architecture ?? "x86_64";
        if (architecture is not ("i386" or "x86_64" or "arm64" or "x86_64_mac" or "arm64_mac"))
        {
            throw new InvalidParameterValue($"Invalid value '{architecture}' for Architecture.");
        }

        var now = _time.GetUtcNow();
        var image = new Ec2Image
        {
            Id = Ec2Ids.NewId(Ec2Ids.ImagePrefix, _random),
            AccountId = scope.AccountId,
            Region = scope.Region,
            Name = command.Name,
            Description = command.Description,
            Architecture = architecture,
            RootDeviceName = command.RootDeviceName,
            PlatformDetails = string.IsNullOrWhiteSpace(command.PlatformDetails) ? ImageDefaults.PlatformDetails : command.PlatformDetails,
            UsageOperation = string.IsNullOrWhiteSpace(command.UsageOperation) ? ImageDefaults.UsageOperation : command.UsageOperation,
            UsageOperationUpdateTime = now,
            CreatedAt = now,
        };
        if (!await _compute.TryInsertImageAsync(image, ct))
        {
            throw new InvalidAmiNameDuplicate($"AMI name {command.Name} is already in use by AMI owned by {scope.AccountId} in {scope.Region}.");
        }

        return image;
    }

    /// <summary>
    /// DescribeImages: images the caller may see (own, shared with it, public), available ones unless
    /// <see cref="DescribeImagesCommand.IncludeDeregistered"/>. Named ids that are not visible are an error, as in EC2.
    /// </summary>
    public async Task<Page<Ec2Image>> DescribeImagesAsync(Scope scope, DescribeImagesCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireIds(command.ImageIds, Ec2Ids.ImagePrefix, id => new InvalidAmiIdMalformed($"Invalid id: \"{id}\" (expecting \"ami-...\")"));
        var query = new ImageQuery
        {
            Ids = command.ImageIds is { Count: > 0 } ids ? ids : null,
            States = command.IncludeDeregistered ? null : [ImageState.Available],
            Limit = PageSize(command.MaxResults),
            After = command.After,
        };
        if (command.Owners is { Count: > 0 } owners)
        {
            var accounts = owners.Select(o => o switch
            {
                "self" => scope.AccountId,
                "amazon" or "aws-marketplace" or "aws-backup-vault" => o,
                _ when Arn.IsAccountId(o) => o,
                _ => throw new InvalidParameterValue($"Invalid value '{o}' for Owners: use self, an account id, or amazon."),
            });
            query = query with { Owners = [.. accounts.Distinct(StringComparer.Ordinal)] };
        }

        query = ApplyFilters(query, command.Filters, ImageFilters, (q, name, values) => name switch
        {
            "image-id" => q with { Ids = Intersect(q.Ids, values) },
            "name" => q with { NamePatterns = values },
            "state" => q with { States = [.. values.Select(ParseImageState)] },
            "owner-id" => q with { Owners = Intersect(q.Owners, values) },
            "platform-details" => q with { PlatformDetails = values },
            "usage-operation" => q with { UsageOperations = values },
            _ => q with { Public = ParseBooleanFilter(name, values) },
        });

        if (command.ImageIds is { Count: > 0 } named)
        {
            var missing = new List<string>();
            foreach (var id in named.Distinct(StringComparer.Ordinal))
            {
                var image = await _compute.FindImageAsync(scope.Region, scope.AccountId, id, ct);
                if (image is null || (image.State == ImageState.Deregistered && !command.IncludeDeregistered))
                {
                    missing.Add(id);
                }
            }

            if (missing.Count > 0)
            {
                throw new InvalidAmiIdNotFound($"The image id '[{string.Join(", ", missing)}]' does not exist");
            }
        }

        var page = await _compute.ListImagesAsync(scope, query, ct);
        return page;
    }

    /// <summary>
    /// DeregisterImage: the owner marks the image deregistered. Running instances are not affected; the
    /// image's license associations are removed by the clean-up job.
    /// </summary>
    public async Task DeregisterImageAsync(Scope scope, string imageId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var image = await FindOwnImageAsync(scope, imageId, ct);
            if (image.State == ImageState.Deregistered)
            {
                throw new InvalidAmiIdNotFound($"The image id '[{imageId}]' does not exist");
            }

            var deregistered = image with { State = ImageState.Deregistered, DeregisteredAt = _time.GetUtcNow(), Version = image.Version + 1 };
            if (await _compute.TryUpdateImageAsync(deregistered, image.Version, ct) || attempt >= _quotas.UpdateAttempts)
            {
                return;
            }
        }
    }

    /// <summary>ModifyImageAttribute (launchPermission): shares the image with accounts, or makes it public or private.</summary>
    public async Task ModifyImageLaunchPermissionAsync(Scope scope, ModifyImageLaunchPermissionCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var account in command.AddAccounts.Concat(command.RemoveAccounts))
        {
            if (!Arn.IsAccountId(account))
            {
                throw new InvalidParameterValue($"Invalid value '{account}' for UserId: an account id is 12 digits.");
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var image = await FindOwnImageAsync(scope, command.ImageId, ct);
            var shared = image.SharedWith.Union(command.AddAccounts, StringComparer.Ordinal)
                .Except(command.RemoveAccounts, StringComparer.Ordinal)
                .Where(a => a != scope.AccountId)
                .Order(StringComparer.Ordinal)
                .ToList();
            var changed = image with { SharedWith = shared, Public = command.Public ?? image.Public, Version = image.Version + 1 };
            if (await _compute.TryUpdateImageAsync(changed, image.Version, ct))
            {
                return;
            }

            if (attempt >= _quotas.UpdateAttempts)
            {
                throw new InvalidParameterValue($"The image '{command.ImageId}' kept changing under concurrent requests; retry.");
            }
        }
    }

    private async Task<Ec2Image> FindOwnImageAsync(Scope scope, string imageId, CancellationToken ct)
    {
        if (!Ec2Ids.IsId(Ec2Ids.ImagePrefix, imageId))
        {
            throw new InvalidAmiIdMalformed($"Invalid id: \"{imageId}\" (expecting \"ami-...\")");
        }

        var image = await _compute.FindImageAsync(scope.Region, scope.AccountId, imageId, ct)
            ?? throw new InvalidAmiIdNotFound($"The image id '[{imageId}]' does not exist");
        return image.AccountId == scope.AccountId
            ? image
            : throw new UnauthorizedOperation($"You are not authorized to modify or deregister image {imageId}: account {image.AccountId} owns it.");
    }

    private static ImageState ParseImageState(string text) => text switch
    {
        ImageStateNames.Available => ImageState.Available,
        ImageStateNames.Deregistered => ImageState.Deregistered,
        _ => throw new InvalidParameterValue($"Invalid value '{text}' for filter state. Valid values: available, deregistered."),
    };

    // EC2: 3 to 128 characters; letters, digits, ( ) [ ] space . / - ' @ _
    private static void ValidateImageName(string? name)
    {
        if (name is null || name.Length is < 3 or > 128
            || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('(' or ')' or '[' or ']' or ' ' or '.' or '/' or '-' or '\'' or '@' or '_')))
        {
            throw new InvalidAmiNameMalformed(
                $"AMI name '{name}' is not valid: it must be 3 to 128 characters of letters, numbers, spaces and ( ) [ ] . / - ' @ _.");
        }
    }
}
