using System.Collections;

namespace Licentia.Aws.Auth;

/// <summary>
/// Request headers as received: names compare case-insensitively and a name may carry several
/// values, kept in arrival order because SigV4 joins repeated headers with commas in that order.
/// </summary>
public sealed class SigV4HeaderCollection : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _values.Count;

    public IEnumerable<string> Names => _values.Keys;

    public void Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values[name] = list;
        }

        list.Add(value);
    }

    /// <summary>Replaces every value of <paramref name="name"/> with <paramref name="value"/>.</summary>
    public void Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _values.Remove(name);
        _values[name] = [value];
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public IReadOnlyList<string> GetValues(string name) =>
        _values.TryGetValue(name, out var list) ? list : None;

    public string? GetFirst(string name) =>
        _values.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : null;

    public SigV4HeaderCollection Clone()
    {
        var copy = new SigV4HeaderCollection();
        foreach (var (name, values) in _values)
        {
            copy._values[name] = [.. values];
        }

        return copy;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (var (name, values) in _values)
        {
            yield return new KeyValuePair<string, IReadOnlyList<string>>(name, values);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
