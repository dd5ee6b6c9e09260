using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.Instances;
using Licentia.Core.Compute.LaunchTemplates;
using Licentia.Core.Paging;

namespace Licentia.Core.Compute;

/// <summary>CreateLaunchTemplate and DescribeLaunchTemplates. (Versions beyond the first are not created yet.)</summary>
public sealed partial class ComputeManager
{
    private static readonly IReadOnlyList<string> LaunchTemplateFilters = ["launch-template-name"];

    /// <summary>CreateLaunchTemplate: version 1, the default; its license configurations apply to every launch from it.</summary>
    public async Task<LaunchTemplate> CreateLaunchTemplateAsync(Scope scope, CreateLaunchTemplateCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.LaunchTemplateName;
        if (name is null || name.Length is < 3 or > 128
            || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('(' or ')' or '.' or '-' or '/' or '_')))
        {
            throw new InvalidParameterValue(
                $"Launch template name '{name}' is not valid: 3 to 128 characters of letters, numbers and ( ) . - / _.");
        }

        var data = command.LaunchTemplateData ?? throw new MissingParameter("The request must contain the parameter LaunchTemplateData.");
        if (data.ImageId is { } imageId && !Ec2Ids.IsId(Ec2Ids.ImagePrefix, imageId))
        {
            throw new InvalidAmiIdMalformed($"Invalid id: \"{imageId}\" (expecting \"ami-...\")");
        }

        if (data.InstanceType is { } type)
        {
            ValidateCpuOptions(data.CpuOptions, InstanceType(type));
        }

        if (data.Placement is { } placement)
        {
            ValidatePlacement(placement);
        }

        ParseLicenseArns(scope, data.LicenseConfigurationArns);
        var now = _time.GetUtcNow();
        var template = new LaunchTemplate
        {
            Id = Ec2Ids.NewId(Ec2Ids.LaunchTemplatePrefix, _random),
            AccountId = scope.AccountId,
            Region = scope.Region,
            Name = name,
            CreatedAt = now,
            CreatedBy = $"arn:aws:iam::{scope.AccountId}:root",
            Versions = [new LaunchTemplateVersion(1, command.VersionDescription, now, data)],
        };
        if (!await _compute.TryInsertLaunchTemplateAsync(template, ct))
        {
            throw new InvalidLaunchTemplateNameAlreadyExists($"Launch template name already in use: '{name}'.");
        }

        return template;
    }

    /// <summary>DescribeLaunchTemplates: by ids, names or the launch-template-name filter (wildcards allowed).</summary>
    public async Task<Page<LaunchTemplate>> DescribeLaunchTemplatesAsync(Scope scope, DescribeLaunchTemplatesCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireIds(command.LaunchTemplateIds, Ec2Ids.LaunchTemplatePrefix,
            id => new InvalidLaunchTemplateIdMalformed($"The specified ID for the launch template ({id}) is not valid."));
        foreach (var id in command.LaunchTemplateIds ?? [])
        {
            if (await _compute.FindLaunchTemplateAsync(scope, id, null, ct) is null)
            {
                throw new InvalidLaunchTemplateIdNotFound($"The specified launch template, with template ID {id}, does not exist.");
            }
        }

        foreach (var name in command.LaunchTemplateNames ?? [])
        {
            if (await _compute.FindLaunchTemplateAsync(scope, null, name, ct) is null)
            {
                throw new InvalidLaunchTemplateNameNotFound($"At least one of the launch templates specified in the request does not exist: {name}.");
            }
        }

        var patterns = new List<string>();
        var query = new LaunchTemplateQuery
        {
            Ids = command.LaunchTemplateIds is { Count: > 0 } ids ? ids : null,
            Names = command.LaunchTemplateNames is { Count: > 0 } names ? names : null,
            Limit = PageSize(command.MaxResults),
            After = command.After,
        };
        query = ApplyFilters(query, command.Filters, LaunchTemplateFilters, (q, _, values) =>
        {
            patterns.AddRange(values);
            return q;
        });
        if (patterns.Count == 0)
        {
            return await _compute.ListLaunchTemplatesAsync(scope, query, ct);
        }

        // Name patterns are few and templates per scope are few: match them here, page by page.
        var matched = new List<LaunchTemplate>();
        var after = query.After;
        string? next = null;
        do
        {
            var page = await _compute.ListLaunchTemplatesAsync(scope, query with { After = after }, ct);
            foreach (var template in page.Items)
            {
                if (Ec2Wildcard.IsMatchAny(patterns, template.Name))
                {
                    matched.Add(template);
                }
            }

            after = page.NextCursor;
            next = page.NextCursor;
        }
        while (next is not null && matched.Count < query.Limit);

        return new Page<LaunchTemplate>(matched, next);
    }

    private async Task<(LaunchTemplate Template, LaunchTemplateVersion Version)> ResolveLaunchTemplateAsync(
        Scope scope, LaunchTemplateReference reference, CancellationToken ct)
    {
        if ((reference.LaunchTemplateId is null) == (reference.LaunchTemplateName is null))
        {
            throw new InvalidParameterCombination("Give the launch template's id or its name, not both and not neither.");
        }

        if (reference.LaunchTemplateId is { } id && !Ec2Ids.IsId(Ec2Ids.LaunchTemplatePrefix, id))
        {
            throw new InvalidLaunchTemplateIdMalformed($"The specified ID for the launch template ({id}) is not valid.");
        }

        var template = await _compute.FindLaunchTemplateAsync(scope, reference.LaunchTemplateId, reference.LaunchTemplateName, ct);
        if (template is null)
        {
            throw reference.LaunchTemplateId is not null
                ? new InvalidLaunchTemplateIdNotFound($"The specified launch template, with template ID {reference.LaunchTemplateId}, does not exist.")
                : new InvalidLaunchTemplateNameNotFound($"The specified launch template, with template name {reference.LaunchTemplateName}, does not exist.");
        }

        var version = template.FindVersion(reference.Version)
            ?? throw new InvalidLaunchTemplateVersion($"The specified launch template version {reference.Version} of {template.Id} does not exist.");
        return (template, version);
    }
}
