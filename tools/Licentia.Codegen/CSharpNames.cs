using System.Globalization;
using System.Text;

namespace Licentia.Codegen;

/// <summary>Turns AWS model names into C# identifiers and literals.</summary>
public static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Names every class inherits from object; a member with one of them would hide it (CS0108).</summary>
    public static IReadOnlySet<string> ObjectMembers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize",
    };

    /// <summary>
    /// The C# name of a service from its model's serviceId: "License Manager" -> "LicenseManager", "KMS" -> "Kms"
    /// (acronyms longer than two letters are Pascal-cased, as .NET naming guidelines ask).
    /// </summary>
    public static string ServiceName(string serviceId)
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(serviceId))
        {
            builder.Append(PascalWord(word, shortestAcronym: 3));
        }

        return builder.ToString();
    }

    /// <summary>
    /// A constant name for an enum value: "PENDING_WORKFLOW" -> "PendingWorkflow", "vCPU" -> "VCPU",
    /// "Bytes/Second" -> "BytesPerSecond", "EC2_INSTANCE" -> "Ec2Instance".
    /// </summary>
    public static string EnumConstant(string value)
    {
        var builder = new StringBuilder();
        // Enum values are mostly SCREAMING_SNAKE_CASE, so even two-letter words ("BY") are Pascal-cased.
        foreach (var word in SplitWords(value.Replace("/", " Per ", StringComparison.Ordinal)))
        {
            builder.Append(PascalWord(word, shortestAcronym: 2));
        }

        var name = builder.Length == 0 ? "Empty" : builder.ToString();
        return char.IsDigit(name[0]) ? "Value" + name : name;
    }

    /// <summary>Whether a model name can be used verbatim as a C# identifier (keywords are escaped with @).</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The identifier to write for a verbatim name: keywords get the @ prefix (invisible to System.Text.Json).</summary>
    public static string Escape(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>A C# string literal for any text.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string PascalWord(string word, int shortestAcronym)
    {
        var allUpper = word.Length >= shortestAcronym && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
        var rest = allUpper ? word[1..].ToLowerInvariant() : word[1..];
        return char.ToUpperInvariant(word[0]) + rest;
    }
}
