using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>The CanonicalURI line of the canonical request.</summary>
public static class CanonicalUri
{
    /// <summary>
    /// S3 signs the path exactly as sent; every other service signs the path after removing dot
    /// segments and empty segments and then URI-encoding it once more. Because the input is the
    /// already-encoded wire path, that second encoding is the "double encoding" the spec speaks of
    /// ("%20" on the wire becomes "%2520" in the canonical request).
    /// </summary>
    public static string FromRawPath(string rawPath, string service)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        ArgumentNullException.ThrowIfNull(service);
        if (IsS3(service))
        {
            return rawPath.Length == 0 ? "/" : rawPath;
        }

        return AwsUriEncoding.Encode(RemoveDotSegments(rawPath), keepSlash: true);
    }

    /// <summary>S3 keeps its path as is, may use UNSIGNED-PAYLOAD, and presigns without hashing the body.</summary>
    public static bool IsS3(string service) => string.Equals(service, "s3", StringComparison.Ordinal);

    /// <summary>
    /// RFC 3986 dot-segment removal plus collapsing of repeated slashes, which AWS services also
    /// require. A trailing slash survives unless nothing else is left.
    /// </summary>
    public static string RemoveDotSegments(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(segment);
        }

        var builder = new StringBuilder("/").AppendJoin('/', output);
        if (output.Count > 0 && path.EndsWith('/'))
        {
            builder.Append('/');
        }

        return builder.ToString();
    }
}
