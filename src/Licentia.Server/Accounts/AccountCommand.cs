using Licentia.Core.Accounts;
using Licentia.Core.Errors;
using Licentia.Server.Hosting;
using Licentia.Storage;
using Microsoft.Extensions.Options;

namespace Licentia.Server.Accounts;

/// <summary>
/// <c>account create --data-dir DIR --name NAME</c>: adds an account with its own key pair and prints
/// it as a shared-credentials profile. Works while the server runs (same database, same master key).
/// </summary>
internal static class AccountCommand
{
    private const string Usage = "usage: Licentia.Server account create --name NAME [--data-dir DIR] [--postgres CONNECTION-STRING]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["create", .. var rest])
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddLicentiaSources(rest)
            .Build();
        var name = configuration["Command:Name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("account create needs --name NAME.\n" + Usage);
            return 2;
        }

        var services = new ServiceCollection().AddLogging().AddLicentiaCore(configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<ILicentiaStorage>().MigrateAsync(CancellationToken.None);
            var created = await provider.GetRequiredService<AccountManager>().CreateAsync(name, CancellationToken.None);
            var region = provider.GetRequiredService<IOptions<LicentiaOptions>>().Value.DefaultRegion;
            await Console.Out.WriteAsync(CredentialsFile.Profile(name, created.AccessKeyId, created.SecretAccessKey, region));
            return 0;
        }
        catch (ServiceException error)
        {
            await Console.Error.WriteLineAsync($"account create: {error.Message}");
            return 1;
        }
        catch (OptionsValidationException error)
        {
            await Console.Error.WriteLineAsync($"account create: {error.Message}");
            return 2;
        }
    }
}
