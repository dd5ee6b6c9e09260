using Licentia.Server.Accounts;
using Licentia.Server.Hosting;

if (args is ["account", .. var command])
{
    return await AccountCommand.RunAsync(command);
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLicentiaSources(args);
builder.UseLicentiaDefaults();
builder.Services.AddLicentiaCore(builder.Configuration).AddLicentiaWire();

var app = builder.Build();
await app.PrepareLicentiaAsync();
app.MapLicentia();
await app.RunAsync();
return 0;
