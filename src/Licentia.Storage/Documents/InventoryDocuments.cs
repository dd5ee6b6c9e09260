using Licentia.Core.Inventory;
using Licentia.Core.Tagging;

namespace Licentia.Storage.Documents;

/// <summary>A tag as stored inside an SSM document; its own type so that renaming Core's Tag cannot change the stored format.</summary>
internal sealed record StoredTag(string Key, string Value)
{
    public static List<StoredTag> From(IReadOnlyList<Tag> tags) => [.. tags.Select(t => new StoredTag(t.Key, t.Value))];

    public static List<Tag> ToTags(List<StoredTag>? stored) => [.. (stored ?? []).Select(t => new Tag(t.Key, t.Value))];
}

/// <summary>What no query of an activation uses: its description and tags.</summary>
internal sealed record ActivationDocument(string Description, List<StoredTag>? Tags)
{
    public static ActivationDocument From(Activation activation) => new(activation.Description, StoredTag.From(activation.Tags));
}

/// <summary>What no query of a managed node uses: its name, the host facts that are not columns, and its tags.</summary>
internal sealed record ManagedInstanceDocument(
    string Name, string ComputerName, string PlatformName, string PlatformVersion, string IpAddress, List<StoredTag>? Tags)
{
    public static ManagedInstanceDocument From(ManagedInstance instance) => new(
        instance.Name, instance.Facts.ComputerName, instance.Facts.PlatformName, instance.Facts.PlatformVersion,
        instance.Facts.IpAddress, StoredTag.From(instance.Tags));
}

/// <summary>An inventory item's entries and context.</summary>
internal sealed record InventoryItemDocument(List<Dictionary<string, string>> Content, Dictionary<string, string>? Context)
{
    public static InventoryItemDocument From(InventoryItem item) => new(
        [.. item.Content.Select(e => new Dictionary<string, string>(e, StringComparer.Ordinal))],
        item.Context is null ? null : new Dictionary<string, string>(item.Context, StringComparer.Ordinal));
}
