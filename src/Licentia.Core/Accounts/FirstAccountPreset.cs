namespace Licentia.Core.Accounts;

/// <summary>
/// Fixed credentials for the first account, for operators who want known keys on first start
/// (for example, test rigs that configure the aws CLI ahead of time). Null members are generated.
/// </summary>
public sealed record FirstAccountPreset
{
    public string? AccountId { get; init; }
    public string? AccessKeyId { get; init; }
    public string? SecretAccessKey { get; init; }

    public override string ToString() => $"FirstAccountPreset {{ AccountId = {AccountId}, AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}";
}
