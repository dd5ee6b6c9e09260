using Licentia.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Licentia.Server.Hosting;

/// <summary>
/// On the first start with an empty store: creates the first account and writes its key pair as
/// an AWS shared-credentials file (mode 0600), so a user can start using the aws CLI at once.
/// </summary>
internal sealed partial class FirstStart(AccountManager accounts, IOptions<LicentiaOptions> options, ILogger<FirstStart> logger)
{
    public const string FirstAccountName = "default";

    public async Task RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var created = await accounts.EnsureFirstAccountAsync(FirstAccountName, preset: null, ct);
        if (created is null)
        {
            // Not a first start, or another node sharing the database created the account first.
            return;
        }

        var path = Path.GetFullPath(Path.Combine(settings.DataDir, CredentialsFile.FileName));
        CredentialsFile.Write(settings.DataDir, CredentialsFile.Profile("default", created.AccessKeyId, created.SecretAccessKey, settings.DefaultRegion));
        LogFirstAccount(logger, created.Account.AccountId, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "First start: created account {AccountId} and wrote its access key to {CredentialsPath} (mode 0600). " +
        "To use it: export AWS_SHARED_CREDENTIALS_FILE={CredentialsPath}, then run aws --endpoint-url <this server's URL> license-manager list-license-configurations")]
    private static partial void LogFirstAccount(ILogger logger, string accountId, string credentialsPath);
}
