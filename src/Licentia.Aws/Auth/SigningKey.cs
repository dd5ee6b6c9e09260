using System.Text;

namespace Licentia.Aws.Auth;

/// <summary>The derived key kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
public static class SigningKey
{
    public static byte[] Derive(string secretAccessKey, string date, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        var dateKey = Sha256.Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        var regionKey = Sha256.Hmac(dateKey, region);
        var serviceKey = Sha256.Hmac(regionKey, service);
        return Sha256.Hmac(serviceKey, SigV4Names.ScopeTerminator);
    }
}
