using System.Globalization;
using System.Text;
using System.Text.Json;
using Licentia.Aws.Model;

namespace Licentia.Aws.Query;

/// <summary>
/// Writes query-protocol XML: responses from the JSON form of an output structure, and errors. Element names are
/// the members' locationName, else their name; list elements are "item" for EC2 and "member" for query unless the
/// list member has a locationName; flattened lists repeat the member's element; maps are entry/key/value.
/// Booleans are lower-case, timestamps ISO 8601 with milliseconds and Z, blobs base64.
/// </summary>
internal static class QueryXml
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>
    /// EC2: <c>&lt;OpResponse xmlns=".."&gt;&lt;requestId&gt;..&lt;/requestId&gt;members&lt;/OpResponse&gt;</c>.
    /// Query: <c>&lt;OpResponse xmlns=".."&gt;&lt;OpResult&gt;members&lt;/OpResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId&gt;..</c>.
    /// </summary>
    public static string Response(QueryServiceBinding service, OperationModel operation, JsonElement output, string requestId)
    {
        var xml = new StringBuilder(Declaration);
        xml.Append('<').Append(operation.Name).Append("Response xmlns=\"").Append(Escape(service.XmlNamespace)).Append("\">");
        if (service.IsEc2)
        {
            // EC2 models declare no result wrappers; botocore's EC2 parser would still honour one.
            Element(xml, "requestId", requestId);
            if (operation.Output is not null)
            {
                Wrapped(xml, operation.ResultWrapper, operation.Output, output, ec2: true);
            }
        }
        else
        {
            if (operation.Output is not null)
            {
                Wrapped(xml, operation.ResultWrapper ?? operation.Name + "Result", operation.Output, output, ec2: false);
            }

            xml.Append("<ResponseMetadata>");
            Element(xml, "RequestId", requestId);
            xml.Append("</ResponseMetadata>");
        }

        return xml.Append("</").Append(operation.Name).Append("Response>").ToString();
    }

    /// <summary>
    /// EC2: <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID/&gt;&lt;/Response&gt;</c>.
    /// Query: <c>&lt;ErrorResponse xmlns=".."&gt;&lt;Error&gt;&lt;Type&gt;Sender|Receiver&lt;/Type&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
    /// </summary>
    public static string Error(bool ec2, string? xmlNamespace, string code, string message, bool isFault, string requestId)
    {
        var xml = new StringBuilder(Declaration);
        if (ec2)
        {
            xml.Append("<Response><Errors><Error>");
            Element(xml, "Code", code);
            Element(xml, "Message", message);
            xml.Append("</Error></Errors>");
            Element(xml, "RequestID", requestId);
            return xml.Append("</Response>").ToString();
        }

        xml.Append("<ErrorResponse");
        if (xmlNamespace is not null)
        {
            xml.Append(" xmlns=\"").Append(Escape(xmlNamespace)).Append('"');
        }

        xml.Append("><Error>");
        Element(xml, "Type", isFault ? "Receiver" : "Sender");
        Element(xml, "Code", code);
        Element(xml, "Message", message);
        xml.Append("</Error>");
        Element(xml, "RequestId", requestId);
        return xml.Append("</ErrorResponse>").ToString();
    }

    private static void Wrapped(StringBuilder xml, string? wrapper, ShapeModel shape, JsonElement value, bool ec2)
    {
        if (wrapper is null)
        {
            Members(xml, shape, value, ec2);
            return;
        }

        xml.Append('<').Append(wrapper).Append('>');
        Members(xml, shape, value, ec2);
        xml.Append("</").Append(wrapper).Append('>');
    }

    private static void Members(StringBuilder xml, ShapeModel shape, JsonElement value, bool ec2)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in shape.Members)
        {
            if (!value.TryGetProperty(member.Name, out var memberValue) || memberValue.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var name = member.LocationName ?? member.Name;
            if (member.Shape.Type == ShapeType.List && (member.IsFlattened || member.Shape.IsFlattened))
            {
                // A flattened list has no wrapper: each element is named like the member (or the list member).
                var elementName = member.Shape.ListMember!.LocationName ?? name;
                foreach (var item in memberValue.EnumerateArray())
                {
                    Value(xml, elementName, member.Shape.ListMember.Shape, item, ec2);
                }

                continue;
            }

            Value(xml, name, member.Shape, memberValue, ec2);
        }
    }

    private static void Value(StringBuilder xml, string name, ShapeModel shape, JsonElement value, bool ec2)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        switch (shape.Type)
        {
            case ShapeType.Structure:
                xml.Append('<').Append(name).Append('>');
                Members(xml, shape, value, ec2);
                xml.Append("</").Append(name).Append('>');
                break;
            case ShapeType.List:
                xml.Append('<').Append(name).Append('>');
                var itemName = shape.ListMember!.LocationName ?? (ec2 ? "item" : "member");
                foreach (var item in value.EnumerateArray())
                {
                    Value(xml, itemName, shape.ListMember.Shape, item, ec2);
                }

                xml.Append("</").Append(name).Append('>');
                break;
            case ShapeType.Map:
                var flattened = shape.IsFlattened;
                if (!flattened)
                {
                    xml.Append('<').Append(name).Append('>');
                }

                foreach (var entry in value.EnumerateObject())
                {
                    var entryName = flattened ? name : "entry";
                    xml.Append('<').Append(entryName).Append('>');
                    Element(xml, shape.MapKey!.LocationName ?? "key", entry.Name);
                    Value(xml, shape.MapValue!.LocationName ?? "value", shape.MapValue.Shape, entry.Value, ec2);
                    xml.Append("</").Append(entryName).Append('>');
                }

                if (!flattened)
                {
                    xml.Append("</").Append(name).Append('>');
                }

                break;
            default:
                Element(xml, name, Scalar(shape, value));
                break;
        }
    }

    private static string Scalar(ShapeModel shape, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when shape.Type == ShapeType.Timestamp => FormatTimestamp(value.GetDecimal()),
        _ => value.GetRawText(),
    };

    // AWS's XML services write "2024-05-01T10:00:00.000Z".
    private static string FormatTimestamp(decimal epochSeconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(epochSeconds * 1000m, MidpointRounding.AwayFromZero))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Element(StringBuilder xml, string name, string text) =>
        xml.Append('<').Append(name).Append('>').Append(Escape(text)).Append("</").Append(name).Append('>');

    // Text and attribute values: the five markup characters, carriage returns kept as references (a parser would
    // turn a bare one into a line feed), and characters XML 1.0 cannot carry replaced by U+FFFD.
    internal static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\r' => "&#xD;",
                _ when c < 0x20 && c is not ('\n' or '\t') => "\uFFFD",
                _ when c is '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ when char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }
}
