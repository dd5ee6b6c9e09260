namespace Licentia.Storage.Tests;

/// <summary>
/// The lifecycle shared by the contract suites added with the compute slice: a database per test class,
/// migrated once, and further storage instances over it that stand for other server nodes.
/// </summary>
public abstract class ContractTestBase : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;
    private readonly List<ILicentiaStorage> _opened = [];
    private string _location = string.Empty;

    protected ILicentiaStorage Storage { get; private set; } = null!;

    protected abstract Task<string> ClassDatabaseAsync();

    protected abstract ILicentiaStorage Open(string location);

    public async Task InitializeAsync()
    {
        _location = await ClassDatabaseAsync();
        Storage = OpenTracked();
        await Storage.MigrateAsync(None);
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }
    }

    /// <summary>Another storage instance over the same database: another server node.</summary>
    protected ILicentiaStorage OpenTracked()
    {
        var storage = Open(_location);
        _opened.Add(storage);
        return storage;
    }
}
