using Licentia.Core.Compute.Errors;
using Licentia.Core.Compute.InstanceTypes;
using Licentia.Core.Identifiers;
using Licentia.Core.LicenseConfigurations;
using Licentia.Core.Licensing;

namespace Licentia.Core.Compute;

/// <summary>
/// The EC2 use cases, one method per operation, wired to the license engine: every change that starts
/// or stops consumption runs in one licensing transaction that holds the locks of the configurations
/// it touches, so a hard limit is never passed and a refused operation changes nothing. Errors are
/// <see cref="Ec2Exception"/>s. Transitional states settle at once: Stop reports "stopping" and
/// stores "stopped", as an eventually consistent EC2 would show a moment later.
/// </summary>
public sealed partial class ComputeManager
{
    /// <summary>EC2's default MaxResults for Describe operations, and the largest page it returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>When RunInstances names no instance type. (EC2's own default, m1.small, is a previous generation not in the catalog.)</summary>
    public const string DefaultInstanceType = "t3.micro";

    private readonly IComputeStore _compute;
    private readonly ILicensingStore _licensing;
    private readonly LicensingQuotas _quotas;
    private readonly TimeProvider _time;
    private readonly InstanceTypeCatalog _catalog;
    private readonly IRandomSource _random;
    private readonly LicensingRunner _runner;

    public ComputeManager(
        IComputeStore compute,
        ILicensingStore licensing,
        LicensingQuotas quotas,
        TimeProvider time,
        InstanceTypeCatalog? catalog = null,
        IRandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(licensing);
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(time);
        _compute = compute;
        _licensing = licensing;
        _quotas = quotas;
        _time = time;
        _catalog = catalog ?? InstanceTypeCatalog.Default;
        _random = random ?? CryptoRandomSource.Instance;
        _runner = new LicensingRunner(licensing, time, quotas);
    }

    public InstanceTypeCatalog Catalog => _catalog;

    private static LicensingOperation Operation(Scope scope, string name) => new(name, scope.AccountId);

    private static Exception MapRefusal(LicenseRefusalException refusal) => refusal.Kind == LicenseRefusalKind.HardLimit
        ? new LicenseLimitExceeded(refusal.Message)
        : new InvalidParameterValue(refusal.Message);

    private static int PageSize(int? maxResults)
    {
        if (maxResults is < 1)
        {
            throw new InvalidParameterValue($"Value ({maxResults}) for parameter maxResults is invalid. Expecting a value greater than 0.");
        }

        return Math.Min(maxResults ?? MaxPageSize, MaxPageSize);
    }

    private static void RequireIds(IReadOnlyList<string>? ids, string prefix, Func<string, Exception> malformed)
    {
        foreach (var id in ids ?? [])
        {
            if (!Ec2Ids.IsId(prefix, id))
            {
                throw malformed(id);
            }
        }
    }

    /// <summary>The license configuration ARNs of a launch, parsed; they must belong to the caller's scope.</summary>
    private static List<LicenseConfigurationArn> ParseLicenseArns(Scope scope, IEnumerable<string> arns)
    {
        var parsed = new List<LicenseConfigurationArn>();
        foreach (var text in arns.Distinct(StringComparer.Ordinal))
        {
            if (!LicenseConfigurationArn.TryParse(text, out var arn))
            {
                throw new InvalidParameterValue($"Invalid value '{text}' for LicenseConfigurationArn: not a license configuration ARN.");
            }

            if (arn.Scope != scope)
            {
                throw new InvalidParameterValue($"License configuration '{text}' does not exist in this account and Region.");
            }

            parsed.Add(arn);
        }

        return parsed;
    }

    /// <summary>Applies EC2 filters through <paramref name="apply"/>; unknown names and empty value lists are refused.</summary>
    private static T ApplyFilters<T>(T query, IReadOnlyList<Ec2Filter>? filters, IReadOnlyList<string> supported, Func<T, string, IReadOnlyList<string>, T> apply)
    {
        foreach (var filter in filters ?? [])
        {
            if (!supported.Contains(filter.Name))
            {
                throw new InvalidParameterValue($"The filter '{filter.Name}' is invalid. Supported filters: {string.Join(", ", supported)}.");
            }

            if (filter.Values is not { Count: > 0 })
            {
                throw new InvalidParameterValue($"The filter '{filter.Name}' has no values.");
            }

            query = apply(query, filter.Name, filter.Values);
        }

        return query;
    }

    /// <summary>Intersects an id list given as a parameter with one given as a filter.</summary>
    private static IReadOnlyList<string>? Intersect(IReadOnlyList<string>? current, IReadOnlyList<string> values) =>
        current is null ? values : [.. current.Intersect(values, StringComparer.Ordinal)];

    private static bool ParseOnOff(string? text, string name) => text switch
    {
        null or "off" => false,
        "on" => true,
        _ => throw new InvalidParameterValue($"Invalid value '{text}' for {name}. Valid values: on, off."),
    };

    private static bool ParseBooleanFilter(string name, IReadOnlyList<string> values) =>
        values.Count == 1 && bool.TryParse(values[0], out var flag)
            ? flag
            : throw new InvalidParameterValue($"The filter '{name}' takes one value, true or false.");
}
