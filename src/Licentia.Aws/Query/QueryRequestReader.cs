using System.Globalization;
using System.Text.Json;
using Licentia.Aws.Model;

namespace Licentia.Aws.Query;

/// <summary>
/// Turns flat query parameters into the JSON form of the input structure (member names as keys, timestamps as
/// epoch seconds), which the shared validator checks and the shared invoker deserializes. Names follow botocore's
/// serializers: a member is its queryName, else its locationName with the first letter upper-cased, else its name
/// for EC2; its locationName, else its name for query. EC2 lists are always Name.N; query lists are
/// Name.member.N (the list member's locationName replaces "member"), or Name.N when flattened, and "Name=" is an
/// empty list; maps are Name.entry.N.key / Name.entry.N.value.
/// </summary>
internal sealed class QueryRequestReader
{
    private readonly bool _ec2;
    private readonly Utf8JsonWriter _writer;

    /// <summary>The first value that cannot become its shape's type, with its parameter name.</summary>
    private (string Name, string Value, string Expected)? _conversionError;

    private QueryRequestReader(bool ec2, Utf8JsonWriter writer)
    {
        _ec2 = ec2;
        _writer = writer;
    }

    public static QueryReadResult Read(ShapeModel? input, QueryParameters parameters, bool ec2, IReadOnlySet<string> ignored)
    {
        var root = Node.Build(parameters, ignored);
        using var buffer = new MemoryStream();
        QueryRequestReader reader;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            reader = new QueryRequestReader(ec2, writer);
            if (input is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                reader.Structure(input, root);
            }
        }

        var unknown = root.Unconsumed().ToList();
        using var document = JsonDocument.Parse(buffer.ToArray());
        return new QueryReadResult(document.RootElement.Clone(), unknown, reader._conversionError);
    }

    /// <summary>The parameter name of a member: what botocore's serializer for the protocol writes.</summary>
    public static string WireName(MemberModel member, bool ec2)
    {
        if (!ec2)
        {
            return member.LocationName ?? member.Name;
        }

        return member.QueryName
            ?? (member.LocationName is { Length: > 0 } location ? char.ToUpperInvariant(location[0]) + location[1..] : member.Name);
    }

    // Only values are consumed: a value given where a structure, list or map belongs ("Placement=x") stays unread,
    // so EC2 reports it as an unknown parameter.
    private void Structure(ShapeModel shape, Node node)
    {
        _writer.WriteStartObject();
        foreach (var member in shape.Members)
        {
            var name = WireName(member, _ec2);
            var flattenedName = !_ec2 && member.Shape.Type == ShapeType.List && IsFlattened(member) ? member.Shape.ListMember!.LocationName : null;
            if (node.Child(flattenedName ?? name) is not { } child)
            {
                continue;
            }

            _writer.WritePropertyName(member.Name);
            Value(member.Shape, member, child);
        }

        _writer.WriteEndObject();
    }

    private void Value(ShapeModel shape, MemberModel member, Node node)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                Structure(shape, node);
                break;
            case ShapeType.List:
                List(shape, member, node);
                break;
            case ShapeType.Map:
                Map(shape, member, node);
                break;
            default:
                Scalar(shape, node);
                break;
        }
    }

    private void List(ShapeModel shape, MemberModel member, Node node)
    {
        var items = node;
        if (!_ec2)
        {
            // botocore's query serializer writes an empty list as "Name=".
            node.Consumed = node.Value == "";
            if (!IsFlattened(member))
            {
                items = node.Child(shape.ListMember!.LocationName ?? "member") ?? Node.Missing();
            }
        }

        _writer.WriteStartArray();
        foreach (var item in items.Indexed())
        {
            Value(shape.ListMember!.Shape, shape.ListMember, item);
        }

        _writer.WriteEndArray();
    }

    private void Map(ShapeModel shape, MemberModel member, Node node)
    {
        var entries = IsFlattened(member) ? node : node.Child("entry") ?? Node.Missing();
        _writer.WriteStartObject();
        foreach (var entry in entries.Indexed())
        {
            var key = entry.Child(shape.MapKey!.LocationName ?? "key");
            var value = entry.Child(shape.MapValue!.LocationName ?? "value");
            if (key?.Value is null || value is null)
            {
                continue;
            }

            key.Consumed = true;
            _writer.WritePropertyName(key.Value);
            Value(shape.MapValue.Shape, shape.MapValue, value);
        }

        _writer.WriteEndObject();
    }

    private void Scalar(ShapeModel shape, Node node)
    {
        node.Consumed = true;
        var text = node.Value;
        if (text is null)
        {
            // Name.1=... where a single value belongs: the children stay unconsumed (unknown), the value is absent.
            _writer.WriteNullValue();
            return;
        }

        switch (shape.Type)
        {
            case ShapeType.Boolean when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase):
                _writer.WriteBooleanValue(true);
                break;
            case ShapeType.Boolean when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase):
                _writer.WriteBooleanValue(false);
                break;
            case ShapeType.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                _writer.WriteNumberValue(integer);
                break;
            case ShapeType.Long when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                _writer.WriteNumberValue(number);
                break;
            case ShapeType.Double or ShapeType.Float when text is "NaN" or "Infinity" or "-Infinity":
                _writer.WriteStringValue(text);
                break;
            case ShapeType.Double or ShapeType.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real):
                _writer.WriteNumberValue(real);
                break;
            case ShapeType.Timestamp when ParseTimestamp(text) is { } time:
                _writer.WriteNumberValue(time.ToUnixTimeMilliseconds() / 1000m);
                break;
            case ShapeType.Blob when IsBase64(text):
            case ShapeType.String or ShapeType.Document:
                _writer.WriteStringValue(text);
                break;
            default:
                _conversionError ??= (node.Key, text, Expected(shape.Type));
                _writer.WriteNullValue();
                break;
        }
    }

    private static bool IsFlattened(MemberModel member) => member.IsFlattened || member.Shape.IsFlattened;

    // botocore writes ISO 8601 ("2024-05-01T10:00:00Z", with .fff or microseconds when there are any); epoch
    // seconds are accepted too, as AWS's query services accept them.
    private static DateTimeOffset? ParseTimestamp(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return time;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));
        }

        return null;
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static string Expected(ShapeType type) => type switch
    {
        ShapeType.Boolean => "a boolean (true or false)",
        ShapeType.Integer => "an integer",
        ShapeType.Long => "a long integer",
        ShapeType.Double or ShapeType.Float => "a number",
        ShapeType.Timestamp => "an ISO 8601 timestamp",
        ShapeType.Blob => "base64-encoded data",
        _ => "a single value",
    };

    /// <summary>The parameters as a tree of their dot-separated names; every leaf the walk does not read is unknown.</summary>
    private sealed class Node
    {
        private Dictionary<string, Node>? _children;

        private Node(string key) => Key = key;

        public static Node Missing() => new("");

        public string Key { get; }

        public string? Value { get; private set; }

        public bool Consumed { get; set; }

        public static Node Build(QueryParameters parameters, IReadOnlySet<string> ignored)
        {
            var root = new Node("");
            foreach (var name in parameters.Names)
            {
                if (ignored.Contains(name) || name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var node = root;
                foreach (var segment in name.Split('.'))
                {
                    node._children ??= new(StringComparer.Ordinal);
                    if (!node._children.TryGetValue(segment, out var child))
                    {
                        child = new Node(node.Key.Length == 0 ? segment : $"{node.Key}.{segment}");
                        node._children[segment] = child;
                    }

                    node = child;
                }

                node.Value = parameters[name];
            }

            return root;
        }

        public Node? Child(string name) => _children?.GetValueOrDefault(name);

        /// <summary>The children named 1, 2, 3... in numeric order (gaps allowed).</summary>
        public IEnumerable<Node> Indexed() => _children is null
            ? []
            : _children
                .Select(c => (Index: int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i > 0 ? i : 0, Node: c.Value))
                .Where(c => c.Index > 0)
                .OrderBy(c => c.Index)
                .Select(c => c.Node);

        /// <summary>Full names of parameters nothing read, in name order.</summary>
        public IEnumerable<string> Unconsumed()
        {
            if (Value is not null && !Consumed)
            {
                yield return Key;
            }

            if (_children is null)
            {
                yield break;
            }

            foreach (var child in _children.Values.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                foreach (var name in child.Unconsumed())
                {
                    yield return name;
                }
            }
        }
    }
}

/// <summary>The JSON form of a query request, with the parameters the model does not know and the first unreadable value.</summary>
internal sealed record QueryReadResult(
    JsonElement Json,
    IReadOnlyList<string> UnknownParameters,
    (string Name, string Value, string Expected)? ConversionError);
