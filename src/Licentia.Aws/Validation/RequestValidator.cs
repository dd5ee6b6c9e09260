using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Licentia.Aws.Model;

namespace Licentia.Aws.Validation;

/// <summary>
/// Checks a raw JSON request against its input shape before anything is deserialized: JSON types, required
/// members, enums, lengths, patterns, numeric ranges, collection sizes, at every depth. Members the model
/// does not know are ignored, as AWS ignores them.
/// </summary>
public static class RequestValidator
{
    // The range DateTimeOffset can hold, in epoch seconds; beyond it a timestamp cannot be read at all.
    private const double EarliestTimestamp = -62135596800;
    private const double LatestTimestamp = 253402300799;

    public static ValidationResult Validate(ShapeModel input, JsonElement body) => Validate(input, body, ValidationNaming.Default);

    /// <summary>Validates with violation paths named by <paramref name="naming"/> (a query protocol names them as its clients send them).</summary>
    public static ValidationResult Validate(ShapeModel input, JsonElement body, ValidationNaming naming)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(naming);
        var walk = new Walk(naming);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new ValidationResult(TypeMismatch(body, input, ""), []);
        }

        walk.Structure(input, body, "");
        return new ValidationResult(walk.SerializationError, walk.Violations);
    }

    private sealed class Walk(ValidationNaming naming)
    {
        public List<ValidationViolation> Violations { get; } = [];

        public string? SerializationError { get; private set; }

        public void Structure(ShapeModel shape, JsonElement value, string path)
        {
            foreach (var member in shape.Members)
            {
                var memberPath = Join(path, naming.Member(member));
                if (!value.TryGetProperty(member.Name, out var memberValue) || memberValue.ValueKind == JsonValueKind.Null)
                {
                    if (member.IsRequired)
                    {
                        Violations.Add(new ValidationViolation(memberPath, null, "Member must not be null"));
                    }

                    continue;
                }

                Value(member.Shape, memberValue, memberPath);
                if (SerializationError is not null)
                {
                    return;
                }
            }
        }

        private void Value(ShapeModel shape, JsonElement value, string path)
        {
            if (TypeMismatch(value, shape, path) is { } mismatch)
            {
                SerializationError ??= mismatch;
                return;
            }

            switch (shape.Type)
            {
                case ShapeType.Structure:
                    Structure(shape, value, path);
                    break;
                case ShapeType.List:
                    List(shape, value, path);
                    break;
                case ShapeType.Map:
                    Map(shape, value, path);
                    break;
                default:
                    foreach (var constraint in ScalarConstraints(shape, value))
                    {
                        Violations.Add(new ValidationViolation(path, Render(value), constraint, shape.IsSensitive));
                    }

                    break;
            }
        }

        private void List(ShapeModel shape, JsonElement value, string path)
        {
            SizeConstraints(shape, value.GetArrayLength(), value, path);
            var element = shape.ListMember!.Shape;
            if (IsContainer(element))
            {
                var index = 1;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = naming.ListItem(path, index++);
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        Violations.Add(new ValidationViolation(itemPath, null, "Member must not be null"));
                        continue;
                    }

                    Value(element, item, itemPath);
                }

                return;
            }

            // AWS reports scalar elements once for the whole list: "Member must satisfy constraint: [...]".
            var broken = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Null)
                {
                    AddDistinct(broken, "Member must not be null");
                    continue;
                }

                if (TypeMismatch(item, element, path) is { } mismatch)
                {
                    SerializationError ??= mismatch;
                    return;
                }

                foreach (var constraint in ScalarConstraints(element, item))
                {
                    AddDistinct(broken, constraint);
                }
            }

            if (broken.Count > 0)
            {
                Violations.Add(new ValidationViolation(
                    path, Render(value), $"Member must satisfy constraint: [{string.Join(", ", broken)}]", element.IsSensitive));
            }
        }

        private void Map(ShapeModel shape, JsonElement value, string path)
        {
            var entries = value.EnumerateObject().ToList();
            SizeConstraints(shape, entries.Count, value, path);
            var keyShape = shape.MapKey!.Shape;
            var valueShape = shape.MapValue!.Shape;
            var brokenKeys = new List<string>();
            var brokenValues = new List<string>();
            foreach (var entry in entries)
            {
                var keyConstraints = new List<string>();
                StringConstraints(keyShape, entry.Name, keyConstraints);
                foreach (var constraint in keyConstraints)
                {
                    AddDistinct(brokenKeys, constraint);
                }

                if (entry.Value.ValueKind == JsonValueKind.Null)
                {
                    AddDistinct(brokenValues, "Member must not be null");
                }
                else if (IsContainer(valueShape))
                {
                    Value(valueShape, entry.Value, $"{path}.{entry.Name}.member");
                }
                else if (TypeMismatch(entry.Value, valueShape, path) is { } mismatch)
                {
                    SerializationError ??= mismatch;
                    return;
                }
                else
                {
                    foreach (var constraint in ScalarConstraints(valueShape, entry.Value))
                    {
                        AddDistinct(brokenValues, constraint);
                    }
                }
            }

            var sensitive = shape.IsSensitive || keyShape.IsSensitive || valueShape.IsSensitive;
            if (brokenKeys.Count > 0)
            {
                Violations.Add(new ValidationViolation(
                    path, Render(value), $"Map keys must satisfy constraint: [{string.Join(", ", brokenKeys)}]", sensitive));
            }

            if (brokenValues.Count > 0)
            {
                Violations.Add(new ValidationViolation(
                    path, Render(value), $"Map value must satisfy constraint: [{string.Join(", ", brokenValues)}]", sensitive));
            }
        }

        private void SizeConstraints(ShapeModel shape, int size, JsonElement value, string path)
        {
            if (shape.Min is { } min && size < min)
            {
                Violations.Add(new ValidationViolation(path, Render(value), $"Member must have length greater than or equal to {Format(min)}", shape.IsSensitive));
            }

            if (shape.Max is { } max && size > max)
            {
                Violations.Add(new ValidationViolation(path, Render(value), $"Member must have length less than or equal to {Format(max)}", shape.IsSensitive));
            }
        }
    }

    // The constraints a scalar value (already of the right JSON type) breaks, in AWS's wording.
    private static List<string> ScalarConstraints(ShapeModel shape, JsonElement value)
    {
        var broken = new List<string>();
        switch (shape.Type)
        {
            case ShapeType.String:
                StringConstraints(shape, value.GetString()!, broken);
                break;
            case ShapeType.Blob:
                Length(shape, value.GetBytesFromBase64().Length, broken);
                break;
            case ShapeType.Integer or ShapeType.Long or ShapeType.Double or ShapeType.Float:
                if (value.ValueKind == JsonValueKind.Number)
                {
                    // Decimal compares exactly; a double too large for decimal is compared as a double.
                    var hasExact = value.TryGetDecimal(out var exact);
                    var approximate = hasExact ? 0 : value.GetDouble();
                    if (shape.Min is { } min && (hasExact ? exact < min : approximate < (double)min))
                    {
                        broken.Add($"Member must have value greater than or equal to {Format(min)}");
                    }

                    if (shape.Max is { } max && (hasExact ? exact > max : approximate > (double)max))
                    {
                        broken.Add($"Member must have value less than or equal to {Format(max)}");
                    }
                }

                break;
        }

        return broken;
    }

    private static void StringConstraints(ShapeModel shape, string text, List<string> broken)
    {
        if (shape.EnumValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            broken.Add($"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }

        // Smithy measures string length in Unicode scalar values, not UTF-16 units.
        Length(shape, text.EnumerateRunes().Count(), broken);
        if (shape.PatternRegex is { } pattern && !Matches(pattern, text))
        {
            broken.Add($"Member must satisfy regular expression pattern: {shape.Pattern}");
        }
    }

    private static void Length(ShapeModel shape, int length, List<string> broken)
    {
        if (shape.Min is { } min && length < min)
        {
            broken.Add($"Member must have length greater than or equal to {Format(min)}");
        }

        if (shape.Max is { } max && length > max)
        {
            broken.Add($"Member must have length less than or equal to {Format(max)}");
        }
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // Null when the JSON value can become the shape's type; else the SerializationException message, in the
    // style of AWS's JSON services ("STRING_VALUE can not be converted to a Long"), plus where it happened.
    private static string? TypeMismatch(JsonElement value, ShapeModel shape, string path)
    {
        var fits = shape.Type switch
        {
            ShapeType.Structure or ShapeType.Map => value.ValueKind == JsonValueKind.Object,
            ShapeType.List => value.ValueKind == JsonValueKind.Array,
            ShapeType.String => value.ValueKind == JsonValueKind.String,
            ShapeType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            ShapeType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            ShapeType.Long => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            ShapeType.Double or ShapeType.Float => (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
                || (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity"),
            ShapeType.Timestamp => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
                && seconds >= EarliestTimestamp && seconds <= LatestTimestamp,
            ShapeType.Blob => value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out _),
            _ => true,
        };
        if (fits)
        {
            return null;
        }

        var where = path.Length == 0 ? "" : $" (at '{path}')";
        return value.ValueKind switch
        {
            JsonValueKind.Object => $"Start of structure or map found where not expected{where}.",
            JsonValueKind.Array => $"Start of list found where not expected{where}.",
            JsonValueKind.String when shape.Type == ShapeType.Blob => $"Base64 encoded value is not valid{where}.",
            var kind => $"{KindName(kind)} can not be converted to {Article(shape.Type)} {shape.Type}{where}.",
        };
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "STRING_VALUE",
        JsonValueKind.Number => "NUMBER_VALUE",
        JsonValueKind.True or JsonValueKind.False => "BOOLEAN_VALUE",
        _ => "VALUE",
    };

    private static string Article(ShapeType type) => type is ShapeType.Integer ? "an" : "a";

    private static bool IsContainer(ShapeModel shape) => shape.Type is ShapeType.Structure or ShapeType.List or ShapeType.Map;

    private static void AddDistinct(List<string> list, string item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Format(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    // Values print the way AWS's Java services print them: strings bare, lists as [a, b], maps as {k=v}.
    private static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(Render))}]",
        JsonValueKind.Object => $"{{{string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name}={Render(p.Value)}"))}}}",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
