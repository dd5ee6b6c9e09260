namespace Licentia.Server.Hosting;

internal static class LicentiaDefaults
{
    /// <summary>Listens on loopback unless told otherwise: a fresh install is not reachable from the network.</summary>
    public static void UseLicentiaDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(LicentiaConfiguration.DefaultUrl);
        }

        // One line per AWS request comes from AwsEndpoint; ASP.NET's own three per request are noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
    }
}
