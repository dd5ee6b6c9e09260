namespace Licentia.Aws.Model;

/// <summary>The metadata block of a service model.</summary>
/// <param name="Protocol">The wire protocol: "json", "rest-json", "query" or "ec2".</param>
/// <param name="TargetPrefix">The X-Amz-Target prefix of a JSON service, e.g. "AWSLicenseManager".</param>
/// <param name="SigningName">The SigV4 service name: the model's signingName, else its endpointPrefix.</param>
public sealed record ServiceMetadata(
    string ServiceId,
    string ServiceFullName,
    string ApiVersion,
    string EndpointPrefix,
    string Protocol,
    string? TargetPrefix,
    string SigningName,
    string? JsonVersion)
{
    /// <summary>The XML namespace of query and EC2 responses, e.g. "https://sts.amazonaws.com/doc/2011-06-15/".</summary>
    public string? XmlNamespace { get; init; }
}
