using Licentia.Core.Identifiers;

namespace Licentia.Core.Tests.Fakes;

/// <summary>Returns scripted numbers first (to force collisions), then seeded pseudo-random ones.</summary>
public sealed class ScriptedRandomSource(params int[] script) : IRandomSource
{
    private readonly Queue<int> _script = new(script);
    private readonly Random _random = new(12345);

    public int NextInt32(int toExclusive) => _script.TryDequeue(out var next) ? next % toExclusive : _random.Next(toExclusive);

    /// <summary>Queues numbers so that the next <paramref name="count"/> draws are all <paramref name="value"/>.</summary>
    public void Repeat(int value, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _script.Enqueue(value);
        }
    }
}
