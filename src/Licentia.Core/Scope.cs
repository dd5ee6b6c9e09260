namespace Licentia.Core;

/// <summary>
/// The account and region a request acts in. Every store query takes one: data of one account
/// or region is never visible from another.
/// </summary>
public readonly record struct Scope(string AccountId, string Region)
{
    public override string ToString() => $"{AccountId}/{Region}";
}
